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
    public IReadOnlyList<string> InvokedTargets => Services.InvokedTargets;

    private BuildServices Services => _services
        ?? throw new TollgateException("The build is not initialized yet: build members can be used inside target definitions and actions, not in constructors or field initializers.");

    /// <inheritdoc />
    public T? TryGetValue<T>([CallerMemberName] string parameterName = "") =>
        _services is null ? default : _services.Parameters.Get<T>(parameterName);

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
