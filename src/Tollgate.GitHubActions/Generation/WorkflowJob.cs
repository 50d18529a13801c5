using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>A job of a generated workflow: one target, or several that share a job, in execution order.</summary>
/// <param name="Id">The job id (the host target's name).</param>
/// <param name="Targets">The targets it runs, in order.</param>
/// <param name="Needs">The jobs it waits for, in workflow order.</param>
/// <param name="Matrix">The matrix it runs as, if any.</param>
internal sealed record WorkflowJob(string Id, ImmutableArray<TargetSpec> Targets, ImmutableArray<string> Needs, GitHubMatrix? Matrix);
