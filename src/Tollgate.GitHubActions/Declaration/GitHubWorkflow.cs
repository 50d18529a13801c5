using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>
/// One workflow file, <c>.github/workflows/NAME.yml</c>: when it runs and which targets it invokes. Every target in the
/// invoked targets' plan becomes a job. Immutable: each <c>With*</c>/<c>On*</c> method returns a changed copy.
/// </summary>
/// <example><code>
/// new GitHubWorkflow("ci", nameof(Test), nameof(Pack))
///     .OnPullRequest("main")
///     .OnPushToBranches("main")
///     .WithMatrix(GitHubMatrix.For(nameof(Test)).WithRunners("os", "ubuntu-latest", "windows-latest"))
/// </code></example>
public sealed record GitHubWorkflow
{
    /// <summary>A workflow named <paramref name="name"/> (its file name without <c>.yml</c>) that invokes the targets.</summary>
    public GitHubWorkflow(string name, params string[] invokedTargets)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(invokedTargets);
        Name = name;
        InvokedTargets = [.. invokedTargets];
    }

    /// <summary>The file name without extension.</summary>
    public string Name { get; init; }

    /// <summary>The name GitHub shows (default: <see cref="Name"/>).</summary>
    public string? DisplayName { get; init; }

    /// <summary>The targets the workflow invokes; their plan becomes the jobs.</summary>
    public ImmutableArray<string> InvokedTargets { get; init; }

    /// <summary>The events that start it.</summary>
    public ImmutableArray<WorkflowTrigger> Triggers { get; init; } = [];

    /// <summary>The default runner label.</summary>
    public string RunsOn { get; init; } = "ubuntu-latest";

    /// <summary>Runner labels for chosen targets (target name → label).</summary>
    public ImmutableSortedDictionary<string, string> Runners { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Matrices for chosen targets.</summary>
    public ImmutableArray<GitHubMatrix> Matrices { get; init; } = [];

    /// <summary>How many commits <c>actions/checkout</c> fetches (0: all history, for version tools).</summary>
    public int FetchDepth { get; init; } = 1;

    /// <summary>Explicit concurrency; null for the default described on <see cref="WorkflowConcurrency"/>.</summary>
    public WorkflowConcurrency? Concurrency { get; init; }

    /// <summary>Fixed values of build parameters in this workflow (parameter → value), e.g. a nightly run's suite.</summary>
    public ImmutableSortedDictionary<string, string> ParameterValues { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Repository secret names for secret parameters whose secret is not named like their environment variable
    /// (parameter → secret name, e.g. <c>GitHubToken</c> → <c>GITHUB_TOKEN</c>).
    /// </summary>
    public ImmutableSortedDictionary<string, string> SecretNames { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Secret parameters this workflow's jobs do not receive although their targets use them (e.g. a model key in
    /// workflows that only replay recordings), so the workflow never references those repository secrets.
    /// </summary>
    public ImmutableSortedSet<string> WithheldSecrets { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>
    /// Permissions chosen targets' jobs get in this workflow only (target → permissions), beyond what the targets
    /// declare everywhere: e.g. <c>packages: write</c> for the Build job of the workflows that push, not of the pull
    /// request's.
    /// </summary>
    public ImmutableSortedDictionary<string, ImmutableArray<TokenAccess>> JobPermissions { get; init; } = ImmutableSortedDictionary.Create<string, ImmutableArray<TokenAccess>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The file name, <c>NAME.yml</c>.</summary>
    public string FileName => Name + ".yml";

    /// <summary>Sets the name GitHub shows.</summary>
    public GitHubWorkflow WithDisplayName(string displayName) => this with { DisplayName = displayName };

    /// <summary>Adds a trigger.</summary>
    public GitHubWorkflow WithTrigger(WorkflowTrigger trigger) => this with { Triggers = Triggers.Add(trigger) };

    /// <summary>Runs on pushes to the branches.</summary>
    public GitHubWorkflow OnPushToBranches(params string[] branches) => WithTrigger(new PushTrigger { Branches = [.. branches] });

    /// <summary>Runs on pushes of matching tags, e.g. <c>v*</c>.</summary>
    public GitHubWorkflow OnPushToTags(params string[] tags) => WithTrigger(new PushTrigger { Tags = [.. tags] });

    /// <summary>Runs on pull requests targeting the branches (any branch when none are given).</summary>
    public GitHubWorkflow OnPullRequest(params string[] branches) => WithTrigger(new PullRequestTrigger { Branches = [.. branches] });

    /// <summary>Runs on a cron schedule (UTC).</summary>
    public GitHubWorkflow OnSchedule(string cron) => WithTrigger(new ScheduleTrigger(cron));

    /// <summary>Runs manually, with inputs that set build parameters.</summary>
    public GitHubWorkflow OnWorkflowDispatch(params WorkflowInput[] inputs) => WithTrigger(new WorkflowDispatchTrigger { Inputs = [.. inputs] });

    /// <summary>Sets the default runner label.</summary>
    public GitHubWorkflow WithRunsOn(string runner) => this with { RunsOn = runner };

    /// <summary>Widens the token's permissions of the target's job in this workflow only (least privilege per workflow).</summary>
    public GitHubWorkflow WithJobPermissions(string target, params TokenAccess[] permissions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(permissions);
        return this with { JobPermissions = JobPermissions.SetItem(target, JobPermissions.GetValueOrDefault(target, []).AddRange(permissions)) };
    }

    /// <summary>Runs the targets' jobs on another runner.</summary>
    public GitHubWorkflow WithRunner(string runner, params string[] targets) =>
        this with { Runners = Runners.SetItems(targets.Select(t => KeyValuePair.Create(t, runner))) };

    /// <summary>Adds a matrix for its targets.</summary>
    public GitHubWorkflow WithMatrix(GitHubMatrix matrix) => this with { Matrices = Matrices.Add(matrix) };

    /// <summary>Sets the checkout depth of every job (0: all history).</summary>
    public GitHubWorkflow WithFetchDepth(int depth) => this with { FetchDepth = depth };

    /// <summary>Sets explicit concurrency.</summary>
    public GitHubWorkflow WithConcurrency(string group, bool cancelInProgress) => this with { Concurrency = new(group, cancelInProgress) };

    /// <summary>Sets a build parameter to a fixed value in every job (through its environment variable).</summary>
    public GitHubWorkflow WithParameterValue(string parameter, string value) => this with { ParameterValues = ParameterValues.SetItem(parameter, value) };

    /// <summary>Reads a secret parameter from a repository secret of another name.</summary>
    public GitHubWorkflow WithSecretName(string parameter, string secretName) => this with { SecretNames = SecretNames.SetItem(parameter, secretName) };

    /// <summary>Does not pass the secret parameters to any job of this workflow (their targets run without them).</summary>
    public GitHubWorkflow WithoutSecrets(params string[] parameters) => this with { WithheldSecrets = WithheldSecrets.Union(parameters) };
}
