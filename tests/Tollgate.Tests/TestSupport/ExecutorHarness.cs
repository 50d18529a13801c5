namespace Tollgate.Tests.TestSupport;

/// <summary>Runs plans through the real executor with a plain terminal host writing to memory.</summary>
internal sealed class ExecutorHarness
{
    private readonly System.Text.StringBuilder _output = new();

    public ExecutorHarness()
    {
        Host = new TerminalHost(TextWriter.Synchronized(new StringWriter(_output, System.Globalization.CultureInfo.InvariantCulture)), new TerminalOptions(Colors: false, Interactive: false));
        Log = new BuildLog(Host, new SecretMasker(), Verbosity.Verbose);
    }

    public TerminalHost Host { get; }

    public BuildLog Log { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public Task<BuildReport> RunAsync(ExecutionPlan plan, ExecutorOptions? options = null, CancellationToken cancellationToken = default, CancellationToken abortToken = default) =>
        new Executor(Host, Log, Log.BeginTarget, options ?? new ExecutorOptions()).ExecuteAsync(plan, cancellationToken, abortToken);

    public static TargetSpec Action(string name, Func<CancellationToken, Task> action, params string[] dependsOn) =>
        new() { Name = name, DependsOn = [.. dependsOn], Actions = [action] };

    public static TargetSpec Action(string name, Action action, params string[] dependsOn) =>
        Action(name, _ =>
        {
            action();
            return Task.CompletedTask;
        }, dependsOn);

    public static Dictionary<string, TargetStatus> Statuses(BuildReport report) => report.Targets.ToDictionary(t => t.Name, t => t.Status);
}
