using System.Collections.Immutable;

namespace Tollgate.GitHubActions.Harness;

/// <summary>
/// How <see cref="WorkflowHarness"/> runs a committed workflow: which repository and commit, which event it pretends to
/// be, and what a real run would have that this machine may not (secrets, deployment environments).
/// </summary>
/// <param name="RepositoryDirectory">A git repository; each job clones its committed state, never its working tree.</param>
/// <param name="WorkflowFile">The workflow file, relative to the repository (e.g. <c>.github/workflows/release.yml</c>) or absolute.</param>
/// <param name="WorkDirectory">Where clones, artifacts and logs go (created; the caller deletes it).</param>
public sealed record HarnessOptions(string RepositoryDirectory, string WorkflowFile, string WorkDirectory)
{
    /// <summary>The commit to run (default: the repository's HEAD).</summary>
    public string Commit { get; init; } = "HEAD";

    /// <summary>The event name (<c>github.event_name</c>).</summary>
    public string EventName { get; init; } = "push";

    /// <summary>The ref (<c>github.ref</c>), e.g. <c>refs/heads/main</c> or <c>refs/tags/v1.2.0</c>. A tag is created in each clone.</summary>
    public string Ref { get; init; } = "refs/heads/main";

    /// <summary>Values of <c>inputs.*</c> (a dispatched run).</summary>
    public ImmutableDictionary<string, string> Inputs { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The secrets available (<c>secrets.*</c>); a job that reads any other secret is reported as not run. Like a runner,
    /// the harness gives each job its own <c>GITHUB_TOKEN</c> (also <c>github.token</c>), a value valid nowhere, unless one is given here.
    /// </summary>
    public ImmutableDictionary<string, string> Secrets { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The repository's configuration variables (<c>vars.*</c>); one that is not given reads as empty, as on GitHub.</summary>
    public ImmutableDictionary<string, string> Variables { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The deployment environments the harness may run jobs for; a job for any other is reported as not run.</summary>
    public ImmutableHashSet<string> Environments { get; init; } = [];

    /// <summary>
    /// Variables every job starts with besides the runner's own (<c>CI</c>, <c>GITHUB_*</c>, <c>RUNNER_*</c>): the
    /// "runner image", such as <c>TOLLGATE_REQUIRE_TOOLS=1</c>.
    /// </summary>
    public ImmutableDictionary<string, string> RunnerEnvironment { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Host variables passed through (the tools of this machine stand in for the runner image's).</summary>
    public ImmutableArray<string> HostVariables { get; init; } = ["PATH", "HOME", "LANG", "TMPDIR", "DOTNET_ROOT", "NUGET_PACKAGES"];

    /// <summary>The time limit of a job without <c>timeout-minutes</c> (GitHub's default is 360 minutes).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Keep each job's clone after it ran (to inspect it); they are deleted by default.</summary>
    public bool KeepWorkspaces { get; init; }

    /// <summary>Where the jobs' output is echoed as it comes, each line prefixed with the job (null: only the log files).</summary>
    public TextWriter? Output { get; init; }
}
