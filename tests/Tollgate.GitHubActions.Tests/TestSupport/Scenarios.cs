using static Tollgate.GitHubActions.Tests.TestSupport.Specs;

namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>The graphs and declarations the snapshot and actionlint tests share.</summary>
internal static class Scenarios
{
    public static IReadOnlyDictionary<string, (TargetGraph Graph, GitHubWorkflow Workflow)> All { get; } =
        new SortedDictionary<string, (TargetGraph, GitHubWorkflow)>(StringComparer.Ordinal)
        {
            ["diamond"] = Diamond(),
            ["fan-out-fan-in"] = FanOutFanIn(),
            ["matrix"] = Matrix(),
            ["deployment"] = Deployment(),
            ["scheduled"] = Scheduled(),
            ["dispatch"] = Dispatch("main"),
            ["gitops"] = GitOps(),
        };

    public static string Generate(string name) =>
        WorkflowGenerator.Generate(All[name].Graph, SampleParameters.Descriptors, All[name].Workflow);

    /// <summary>
    /// Restore → (CompileApi, CompileWorker) → Test; Format runs before Test only by ordering. Restore runs again in each
    /// compile job; the compiled output reaches Test as artifacts.
    /// </summary>
    public static (TargetGraph, GitHubWorkflow) Diamond() => (
        Graph(
            Target("Restore").Annotated(new FoldedIntoDependentJobs()),
            Target("CompileApi", "Restore").Producing("src/Api/bin/**"),
            Target("CompileWorker", "Restore").Producing("src/Worker/bin/**"),
            Target("Test", "CompileApi", "CompileWorker").Consuming("CompileApi", "CompileWorker") with { After = ["Format", "Clean"] },
            Target("Format"),
            Target("Clean")),
        new GitHubWorkflow("diamond", "Test", "Format").OnPullRequest("main").OnPushToBranches("main"));

    /// <summary>Compile fans out to three test targets that consume its binaries; Report fans their results back in.</summary>
    public static (TargetGraph, GitHubWorkflow) FanOutFanIn() => (
        Graph(
            Target("Compile").Producing("artifacts/bin/**"),
            Target("Pack", "Compile").Producing("artifacts/packages/*.nupkg").Consuming("Compile").Annotated(new SharedJob("Compile")),
            Target("UnitTest", "Compile").Consuming("Compile").Producing("artifacts/test-results/unit.trx"),
            Target("IntegrationTest", "Compile").Consuming("Compile").Producing("artifacts/test-results/integration.trx")
                .Annotated(new ServiceContainer("postgres", "postgres:17") { Ports = ["5432:5432"] }.WithEnvironment("POSTGRES_PASSWORD", "postgres")
                    .WithOptions("--health-cmd pg_isready --health-interval 5s")),
            Target("LlmEval", "Compile").Consuming("Compile").Producing("artifacts/llm-eval/report.json", "artifacts/llm-eval/results.jsonl")
                .Using("OpenAiApiKey", "LlmEvalSuite").Annotated(new JobTimeout(20)),
            Target("Report", "UnitTest", "IntegrationTest", "LlmEval") with
            {
                AssuredAfterFailure = true,
                Consumes = [new("UnitTest", []), new("IntegrationTest", []), new("LlmEval", ["artifacts/llm-eval/report.json"])],
                Produces = ["artifacts/report.html"],
            }),
        new GitHubWorkflow("fan-out-fan-in", "Report", "Pack").OnPullRequest().OnPushToBranches("main"));

    /// <summary>Test runs on three operating systems and two frameworks; Coverage merges every leg's results.</summary>
    public static (TargetGraph, GitHubWorkflow) Matrix() => (
        Graph(
            Target("Compile"),
            Target("Test", "Compile").Producing("artifacts/test-results/*.trx").Annotated(new CheckoutDepth(0)),
            Target("Coverage", "Test").Consuming("Test").Producing("artifacts/coverage/")),
        new GitHubWorkflow("matrix", "Coverage")
            .OnPullRequest("main")
            .WithMatrix(GitHubMatrix.For("Test")
                .WithRunners("os", "ubuntu-latest", "windows-latest", "macos-latest")
                .WithParameterDimension("framework", "TargetFramework", "net8.0", "net10.0")));

    /// <summary>Build, scan, push, then staging on main and blue-green production on v* tags, with the secrets they use.</summary>
    public static (TargetGraph, GitHubWorkflow) Deployment() => (
        Graph(
            // Scan and PushImage read the image as an artifact; the deployments further down need only that it was pushed,
            // not the image or the binaries behind it (Compile runs again in the job that builds the image).
            Target("Compile").Annotated(new FoldedIntoDependentJobs(), new HandsOverNothing()),
            Target("BuildImage", "Compile").Producing("artifacts/image/image.tar").Annotated(new HandsOverNothing()),
            Target("Scan", "BuildImage").Consuming("BuildImage")
                .Annotated(new SarifOutput("artifacts/sarif/trivy.sarif", "trivy"), new SarifOutput("artifacts/sarif/grype.sarif", "grype"), new HandsOverNothing()),
            Target("PushImage", "Scan").Consuming("BuildImage").Using("RegistryPassword", "PushImages")
                .Annotated(new JobPermissions([TokenAccess.PackagesWrite]), new HandsOverNothing()),
            Target("DeployStaging", "PushImage").Using("KubeConfig")
                .Annotated(
                    new GitHubEnvironment("staging", "https://staging.research-assistant.example"),
                    new JobCondition("github.ref == 'refs/heads/main'"),
                    new JobPermissions([TokenAccess.IdTokenWrite])),
            Target("BlueGreenProd", "PushImage").Using("KubeConfig", "OpenAiApiKey")
                .Annotated(
                    new GitHubEnvironment("production", "https://research-assistant.example"),
                    new JobCondition("startsWith(github.ref, 'refs/tags/v')"),
                    new JobPermissions([TokenAccess.IdTokenWrite]),
                    new JobTimeout(30)),
            Target("Notify").Using("GitHubToken") with { AssuredAfterFailure = true, After = ["DeployStaging", "BlueGreenProd"] },
            Target("Unused").Using("OpenAiApiKey")),
        new GitHubWorkflow("deployment", "DeployStaging", "BlueGreenProd", "Notify")
            .WithDisplayName("Deploy")
            .OnPushToBranches("main")
            .OnPushToTags("v*")
            .WithSecretName("GitHubToken", "GITHUB_TOKEN"));

    /// <summary>Nightly full evaluation and a weekly scan, also runnable by hand with a suite to choose.</summary>
    public static (TargetGraph, GitHubWorkflow) Scheduled() => (
        Graph(
            Target("Compile").Annotated(new FoldedIntoDependentJobs()),
            Target("LlmEval", "Compile").Using("OpenAiApiKey", "LlmEvalSuite").Producing("artifacts/llm-eval/"),
            Target("Scan", "Compile").Annotated(new SarifOutput("artifacts/sarif/trivy.sarif", "trivy"))),
        new GitHubWorkflow("scheduled", "LlmEval", "Scan")
            .WithDisplayName("Nightly")
            .OnSchedule("0 3 * * *")
            .OnSchedule("30 4 * * 1")
            .WithParameterValue("PushImages", "false")
            .OnWorkflowDispatch(
                new ChoiceInput("suite", "LlmEvalSuite", ["smoke", "full"]) { Description = "Evaluation suite", Default = "full", Required = true }));

    /// <summary>A manual deployment whose inputs (a branch name, a flag, an environment) set build parameters.</summary>
    public static (TargetGraph, GitHubWorkflow) Dispatch(string defaultBranch) => (
        Graph(
            Target("Compile"),
            Target("Deploy", "Compile").Using("TargetBranch", "DeployEnvironment", "PushImages")),
        new GitHubWorkflow("dispatch", "Deploy")
            .OnWorkflowDispatch(
                new StringInput("branch", "TargetBranch") { Description = "Branch to deploy", Default = defaultBranch, Required = true },
                new BooleanInput("push", "PushImages") { Default = false },
                new EnvironmentInput("environment", "DeployEnvironment") { Required = true }));

    /// <summary>GitOps: main builds and pushes the image, then commits its digest to the staging values file instead of deploying.</summary>
    public static (TargetGraph, GitHubWorkflow) GitOps() => (
        Graph(
            Target("Compile"),
            Target("PushImage", "Compile").Using("RegistryPassword").Producing("artifacts/image/digest.txt")
                .Annotated(
                    new JobPermissions([TokenAccess.PackagesWrite]),
                    new GitHubEnvironment("staging", "https://staging.research-assistant.example"),
                    new GitOpsCommit("k8s/research-assistant/values-staging.yaml", "artifacts/image/digest.txt", "digest", "main"))),
        new GitHubWorkflow("gitops", "PushImage").OnPushToBranches("main"));
}
