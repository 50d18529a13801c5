namespace Tollgate.GitHubActions;

/// <summary>
/// A build whose GitHub Actions workflows are generated from its target graph. Implement <see cref="Workflows"/>; the
/// <see cref="GenerateWorkflows"/> target writes <c>.github/workflows/*.yml</c>, every local build refreshes them, and a
/// CI build (or <c>--verify-workflows</c>) fails with a diff when a committed file is stale.
/// </summary>
[CheckWorkflows]
public interface IGitHubActions : ITollgateBuild
{
    /// <summary>The workflows to generate.</summary>
    IEnumerable<GitHubWorkflow> Workflows { get; }

    /// <summary>Fail instead of regenerating when a committed workflow differs from the generated one (always so in CI).</summary>
    [Parameter("Fail when a committed GitHub workflow differs from what the target graph generates (always on in CI)")]
    bool? VerifyWorkflows => TryGetValue<bool?>();

    /// <summary>Writes the workflow files and logs which ones changed.</summary>
    Target GenerateWorkflows => _ => _
        .Description("Writes .github/workflows/*.yml from the target graph")
        .Executes(() =>
        {
            var changes = new WorkflowFiles(RootDirectory).Write(TargetDiscovery.Discover(this), ParameterDiscovery.Find(this), Workflows);
            CheckWorkflowsAttribute.LogChanges(Log, changes);
        });
}
