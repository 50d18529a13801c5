using Tollgate.Components.Lint;
using Tollgate.Components.LlmEval;
using Tollgate.Components.Testing;
using Tollgate.GitHubActions;

/// <summary>
/// The GitHub workflows generated from this build (./build.sh GenerateWorkflows). Pull requests and main replay the
/// committed LLM response cache (read-only: a changed case without a recording fails, naming the case); the nightly
/// run calls the system under test live and refreshes the cache.
/// </summary>
public sealed partial class Build
{
    public IEnumerable<GitHubWorkflow> Workflows =>
    [
        new GitHubWorkflow("pull-request", nameof(ILint.Lint), nameof(IUnitTest.UnitTest), nameof(ILlmEval.LlmEval))
            .WithDisplayName("Pull request")
            .OnPullRequest("main")
            .WithParameterValue("EvalCacheMode", "read-only"),
        new GitHubWorkflow("main", nameof(ILint.Lint), nameof(IUnitTest.UnitTest), nameof(ILlmEval.LlmEval), nameof(Pack))
            .WithDisplayName("Main")
            .OnPushToBranches("main")
            .WithParameterValue("EvalCacheMode", "read-only"),
        new GitHubWorkflow("release", nameof(Pack))
            .WithDisplayName("Release")
            .OnPushToTags("v*")
            .WithFetchDepth(0)
            .WithParameterValue(nameof(Configuration), nameof(Configuration.Release)),
        new GitHubWorkflow("nightly-eval", nameof(ILlmEval.LlmEval))
            .WithDisplayName("Nightly LLM evaluation")
            .OnSchedule("0 3 * * *")
            .OnWorkflowDispatch()
            .WithParameterValue("EvalCacheMode", "refresh"),
    ];
}
