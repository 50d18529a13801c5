namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>A real build class with workflows, run in-process through the engine's command line.</summary>
public sealed class WorkflowBuild : TollgateBuild, IGitHubActions
{
    [Parameter("Key of the model API"), Secret]
    public string? ModelApiKey { get; set; }

    [Parameter("Branch to deploy")]
    public string? TargetBranch { get; set; }

    public IEnumerable<GitHubWorkflow> Workflows =>
    [
        new GitHubWorkflow("ci", nameof(Test)).OnPullRequest("main"),
        new GitHubWorkflow("deploy", nameof(Deploy)).OnWorkflowDispatch(new StringInput("branch", nameof(TargetBranch)) { Required = true }),
    ];

    private Target Compile => _ => _.Produces("artifacts/bin/**").Executes(() => { });

    private Target Test => _ => _.DependsOn(Compile).Consumes(Compile).Uses(() => ModelApiKey).Executes(() => { });

    // Records what reached the build, so a test can compare it with what the workflow passed.
    private Target Deploy => _ => _
        .Uses(() => TargetBranch)
        .Uses(() => ModelApiKey)
        .Executes(() => File.WriteAllText(RootDirectory / "received.txt", $"{TargetBranch}\n{ModelApiKey}"));
}
