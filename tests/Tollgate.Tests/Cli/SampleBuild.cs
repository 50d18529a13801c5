namespace Tollgate.Tests.Cli;

/// <summary>A small build used by the end-to-end CLI tests.</summary>
public sealed class SampleBuild : TollgateBuild
{
    public List<string> Ran { get; } = [];

    public bool FailTest { get; set; }

    [Parameter("Target environment")]
    public string Stage { get; set; } = "dev";

    [Parameter("Deployment token")]
    [Secret]
    public string? Token { get; set; }

    [Parameter("Retry count")]
    public int Retries { get; set; } = 1;

    public Target Restore => _ => _.Description("Restores").Executes(() => Record("Restore"));

    public Target Compile => _ => _.Description("Compiles").DependsOn(Restore).Executes(() => Record("Compile"));

    public Target Test => _ => _.DependsOn(Compile).Executes(() =>
    {
        Record("Test");
        if (FailTest)
        {
            throw new TollgateException("3 tests failed");
        }
    });

    public Target Deploy => _ => _
        .DependsOn(Test)
        .Requires(() => Token)
        .Executes(async ct =>
        {
            Record("Deploy");
            await Processes.RunAsync(new CommandSpec("bash").WithArguments("-c", "echo \"deploying with $1 to $2\"", "bash", Token!, Stage), ct);
        });

    private void Record(string name)
    {
        lock (Ran)
        {
            Ran.Add(name);
        }
    }
}
