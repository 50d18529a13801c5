using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Tollgate;

/// <summary>
/// The base class of a build. Declare targets as properties and start it from <c>Main</c>:
/// <code>
/// class Build : TollgateBuild, ILint
/// {
///     public static int Main() => Execute&lt;Build&gt;(x => x.Compile);
///     [Parameter("Build configuration")] readonly string Configuration = "Debug";
///     Target Compile => _ => _.Executes(ct => Processes.RunAsync(new CommandSpec("dotnet").WithArguments("build"), ct));
/// }
/// </code>
/// A run initialises the build once, then learns about its invocation in this order: (1) the services (root, log,
/// processes, tools, host) are set; (2) parameters are resolved and injected into the build's members; (3) the targets
/// are discovered (target definitions run and may read parameters); (4) the invoked targets are resolved and
/// <see cref="InvokedTargets"/> becomes readable; (5) the plan is made, evaluating <c>OnlyWhenStatic</c> conditions;
/// (6) requirements are checked and the targets execute, evaluating <c>OnlyWhenDynamic</c> conditions right before
/// each target.
/// </summary>
public abstract class TollgateBuild : ITollgateBuild
{
    private BuildServices? _services;

    /// <inheritdoc />
    public AbsolutePath RootDirectory => Services.Root;

    /// <inheritdoc />
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <inheritdoc />
    public AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    /// <inheritdoc />
    public IBuildLog Log => Services.Log;

    /// <inheritdoc />
    public IProcessRunner Processes => Services.Processes;

    /// <inheritdoc />
    public ToolLocator Tools => Services.Tools;

    /// <inheritdoc />
    public IBuildHost Host => Services.Host;

    /// <inheritdoc />
    public bool IsServerBuild => Services.IsServerBuild;

    /// <inheritdoc />
    public bool IsLocalBuild => !IsServerBuild;

    /// <inheritdoc />
    public string? EnvironmentVariable(string name) => Services.Environment.GetValueOrDefault(name);

    /// <inheritdoc />
    public IReadOnlyList<string> InvokedTargets => Services.Invocation.InvokedTargets;

    /// <inheritdoc />
    public void ReportOutcome(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var target = Services.Log.CurrentTarget
            ?? throw new TollgateException("ReportOutcome names the outcome of the running target: call it from a target's action (Executes), not from a target definition or outside the build.");
        Services.Notes.Record(target, note);
    }

    private BuildServices Services => _services
        ?? throw new TollgateException("The build is not initialized yet: build members can be used inside target definitions and actions, not in constructors or field initializers.");

    /// <inheritdoc />
    public T? TryGetValue<T>([CallerMemberName] string parameterName = "") =>
        _services is null ? default : _services.Invocation.Parameters.Get<T>(parameterName);

    /// <summary>Runs the build with the process's command-line arguments; returns the exit code (0 success, 1 failure).</summary>
    protected static int Execute<T>(Expression<Func<T, Target>>? defaultTarget = null)
        where T : TollgateBuild, new() =>
        Execute(Environment.GetCommandLineArgs().Skip(1).ToArray(), defaultTarget);

    /// <summary>Runs the build with the given arguments; returns the exit code.</summary>
    public static int Execute<T>(string[] args, Expression<Func<T, Target>>? defaultTarget = null)
        where T : TollgateBuild, new() =>
        BuildRunner.RunFromConsole(new T(), args, TargetName(defaultTarget));

    internal void Initialize(BuildServices services) => _services = services;

    /// <summary>The name of the target a selector like <c>x =&gt; x.Compile</c> or <c>x =&gt; ((ILint)x).Lint</c> selects.</summary>
    internal static string? TargetName(LambdaExpression? selector) =>
        selector?.Body switch
        {
            null => null,
            MemberExpression member => member.Member.Name,
            _ => throw new TollgateException($"The default target must be a target property such as 'x => x.Compile', not '{selector}'."),
        };
}
