namespace Tollgate.TestBuild;

/// <summary>
/// A build whose Work target starts a process tree (bash with two sleeping children) and waits; Cleanup is assured.
/// The test sends SIGINT and checks that the tree is gone and Cleanup still ran.
/// </summary>
public sealed class SignalBuild : TollgateBuild
{
    [Parameter("Where to write the pids of the started processes and the cleanup marker")]
    public string Marker { get; set; } = "marker";

    public static int Main(string[] args) => Execute<SignalBuild>(args, x => x.All);

    public Target Work => _ => _.Executes(ct => Processes.RunAsync(
        new CommandSpec("bash")
            .WithArguments("-c", "sleep 300 & echo $! >> \"$1.pids\"; sleep 300 & echo $! >> \"$1.pids\"; echo $$ >> \"$1.pids\"; echo started; wait", "bash", Marker)
            .WithTimeout(TimeSpan.FromMinutes(5)) with
        { GracePeriod = TimeSpan.FromSeconds(2) },
        ct));

    public Target Cleanup => _ => _.After(Work).AssuredAfterFailure().Executes(() => File.WriteAllText(Marker + ".cleanup", "done"));

    public Target All => _ => _.DependsOn(Work, Cleanup);
}
