using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>An event that starts a workflow. Triggers of the same event are merged when the workflow is written.</summary>
public abstract record WorkflowTrigger
{
    private protected WorkflowTrigger()
    {
    }
}

/// <summary>
/// A push. With branches and tags, a push to either starts the workflow; with paths, only pushes that change a matching
/// file do (GitHub's filter syntax: <c>main</c>, <c>release/**</c>, <c>v*</c>, <c>src/**</c>, <c>!docs/**</c>).
/// </summary>
public sealed record PushTrigger : WorkflowTrigger
{
    /// <summary>Branch filters.</summary>
    public ImmutableArray<string> Branches { get; init; } = [];

    /// <summary>Tag filters.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Path filters.</summary>
    public ImmutableArray<string> Paths { get; init; } = [];
}

/// <summary>A pull request (opened, synchronized, reopened) targeting one of the branches (all when empty).</summary>
public sealed record PullRequestTrigger : WorkflowTrigger
{
    /// <summary>Base-branch filters.</summary>
    public ImmutableArray<string> Branches { get; init; } = [];

    /// <summary>Path filters.</summary>
    public ImmutableArray<string> Paths { get; init; } = [];
}

/// <summary>A schedule in cron syntax, in UTC: <c>0 3 * * *</c> is every night at 03:00.</summary>
/// <param name="Cron">Five cron fields.</param>
public sealed record ScheduleTrigger(string Cron) : WorkflowTrigger;

/// <summary>A manual run from the Actions tab or the API, with typed inputs.</summary>
public sealed record WorkflowDispatchTrigger : WorkflowTrigger
{
    /// <summary>The inputs, in the order the form shows them.</summary>
    public ImmutableArray<WorkflowInput> Inputs { get; init; } = [];
}
