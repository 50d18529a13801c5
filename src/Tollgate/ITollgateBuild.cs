using System.Runtime.CompilerServices;

namespace Tollgate;

/// <summary>
/// What a build offers its targets and components. Component interfaces extend it and use its members from default
/// implementations, e.g. <c>interface ILint : ITollgateBuild { Target Lint =&gt; _ =&gt; _.Executes(() =&gt; Log.Information("…")); }</c>.
/// </summary>
public interface ITollgateBuild
{
    /// <summary>The repository root: the directory that holds <c>.nuke/</c>.</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>.nuke/temp</c>: state, tools and generated files that are not committed.</summary>
    AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary><c>artifacts/</c>: what targets produce for people and for CI uploads.</summary>
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    /// <summary>The log: lines carry the running target's prefix and secrets are masked.</summary>
    IBuildLog Log { get; }

    /// <summary>Runs child processes with streaming, masking and cancellation.</summary>
    IProcessRunner Processes { get; }

    /// <summary>Finds tools on PATH and in .nuke/temp/tools.</summary>
    ToolLocator Tools { get; }

    /// <summary>The host (terminal or CI) for diagnostics, progress and the summary.</summary>
    IBuildHost Host { get; }

    /// <summary>
    /// Gives the running target a short note that the end-of-build table shows in its Note column when the target succeeds,
    /// e.g. the URL a deployment answers at. Call it from a target's action; the last call wins, the note is masked and
    /// cut to its first line, and a target that fails or is aborted shows why instead.
    /// </summary>
    /// <param name="note">One line, e.g. <c>http://127.0.0.1:8480/ (staging)</c>; blank clears the note.</param>
    void ReportOutcome(string note);

    /// <summary>Whether the build runs on a CI server (e.g. GitHub Actions).</summary>
    bool IsServerBuild { get; }

    /// <summary>Whether the build runs on a developer's machine.</summary>
    bool IsLocalBuild => !IsServerBuild;

    /// <summary>
    /// An environment variable as this run sees it (the process's environment, or the one a test or host handed the
    /// runner); null when unset. Stages read CI variables such as GITHUB_SHA through this, never from the process.
    /// </summary>
    string? EnvironmentVariable(string name);

    /// <summary>The targets named on the command line (or the default target).</summary>
    IReadOnlyList<string> InvokedTargets { get; }

    /// <summary>
    /// The resolved value of a parameter, for parameter properties of component interfaces:
    /// <c>[Parameter] double? CoverageThreshold =&gt; TryGetValue&lt;double?&gt;();</c> (the name comes from the caller).
    /// </summary>
    T? TryGetValue<T>([CallerMemberName] string parameterName = "");
}
