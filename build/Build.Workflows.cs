using Tollgate.Components.Lint;
using Tollgate.Components.Testing;
using Tollgate.GitHubActions;

/// <summary>The GitHub workflows generated from this build (./build.sh GenerateWorkflows).</summary>
public sealed partial class Build
{
    public IEnumerable<GitHubWorkflow> Workflows =>
    [
        new GitHubWorkflow("pull-request", nameof(ILint.Lint), nameof(IUnitTest.UnitTest))
            .WithDisplayName("Pull request")
            .OnPullRequest("main"),
        new GitHubWorkflow("main", nameof(ILint.Lint), nameof(IUnitTest.UnitTest), nameof(Pack))
            .WithDisplayName("Main")
            .OnPushToBranches("main"),
        new GitHubWorkflow("release", nameof(Pack))
            .WithDisplayName("Release")
            .OnPushToTags("v*"),
    ];
}
