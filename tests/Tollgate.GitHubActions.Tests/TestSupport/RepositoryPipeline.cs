using static Tollgate.GitHubActions.Tests.TestSupport.Specs;

namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>
/// The pipeline the repository's own build declares: Lint, UnitTest and LlmEval on pull requests; Build, Scan and
/// DeployStaging on pushes to main too; BlueGreenProd on v* tags; the full LlmEval nightly; Scan weekly.
/// </summary>
internal static class RepositoryPipeline
{
    public static TargetGraph Graph() => Specs.Graph(
        Target("Restore").Annotated(new FoldedIntoDependentJobs(), new HandsOverNothing()),
        // Compile's binaries and Build's image reach the jobs that read them as artifacts (Consumes); the jobs further
        // down the chain need only that they succeeded (the image travels on through the registry).
        Target("Compile", "Restore").Producing("artifacts/bin/**").Annotated(new HandsOverNothing()),
        Target("Lint", "Restore").Producing("artifacts/lint/lint.sarif").Annotated(new SarifOutput("artifacts/lint/lint.sarif", "lint")),
        Target("UnitTest", "Compile").Consuming("Compile").Producing("artifacts/test-results/", "artifacts/coverage/").Annotated(new HandsOverNothing()),
        Target("LlmEval", "Compile").Consuming("Compile").Using("OpenAiApiKey", "LlmEvalSuite").Producing("artifacts/llm-eval/").Annotated(new JobTimeout(30), new HandsOverNothing()),
        Target("Build", "UnitTest").Producing("artifacts/image/image.tar").Annotated(new HandsOverNothing()),
        Target("Scan", "Build").Consuming("Build")
            .Annotated(new SarifOutput("artifacts/sarif/trivy.sarif", "trivy"), new SarifOutput("artifacts/sarif/dependencies.sarif", "dependencies"), new HandsOverNothing()),
        Target("PushImage", "Scan", "LlmEval").Consuming("Build").Using("GitHubToken").Annotated(new JobPermissions([TokenAccess.PackagesWrite]), new HandsOverNothing()),
        Target("DeployStaging", "PushImage").Using("KubeConfig")
            .Annotated(new GitHubEnvironment("staging", "https://staging.research-assistant.example"), new JobPermissions([TokenAccess.IdTokenWrite])),
        Target("BlueGreenProd", "PushImage").Using("KubeConfig")
            .Annotated(
                new GitHubEnvironment("production", "https://research-assistant.example"),
                new JobCondition("startsWith(github.ref, 'refs/tags/v')"),
                new JobPermissions([TokenAccess.IdTokenWrite]),
                new JobTimeout(45)));

    public static IReadOnlyList<GitHubWorkflow> Workflows() =>
    [
        new GitHubWorkflow("pull-request", "Lint", "UnitTest", "LlmEval").OnPullRequest("main"),
        new GitHubWorkflow("main", "Lint", "UnitTest", "LlmEval", "DeployStaging").OnPushToBranches("main").WithSecretName("GitHubToken", "GITHUB_TOKEN"),
        new GitHubWorkflow("release", "BlueGreenProd").OnPushToTags("v*").WithSecretName("GitHubToken", "GITHUB_TOKEN"),
        new GitHubWorkflow("nightly-eval", "LlmEval").OnSchedule("0 2 * * *").WithParameterValue("LlmEvalSuite", "full"),
        new GitHubWorkflow("weekly-scan", "Scan").OnSchedule("0 5 * * 1").OnWorkflowDispatch(),
    ];
}
