namespace Tollgate.GitHubActions;

/// <summary>
/// Workflow-level concurrency. Without one, the generator groups runs by workflow and ref and cancels a run in progress
/// only for pull requests, and never in a workflow that deploys (a cancelled deployment leaves an environment half-done).
/// </summary>
/// <param name="Group">The concurrency group expression.</param>
/// <param name="CancelInProgress">Whether a new run cancels the one in progress.</param>
public sealed record WorkflowConcurrency(string Group, bool CancelInProgress);
