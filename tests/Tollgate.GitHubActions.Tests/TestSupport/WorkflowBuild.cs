namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>A real build class with workflows, run in-process through the engine's command line.</summary>
public sealed class WorkflowBuild : TollgateBuild, IGitHubActions
{
    [Parameter("Key of the model API"), Secret]
    public string? ModelApiKey { get; set; }

    public IEnumerable<GitHubWorkflow> Workflows =>
    [
        new GitHubWorkflow("ci", nameof(Test)).OnPullRequest("main"),
    ];

    private Target Compile => _ => _.Produces("artifacts/bin/**").Executes(() => { });

    private Target Test => _ => _.DependsOn(Compile).Consumes(Compile).Uses(() => ModelApiKey).Executes(() => { });
}
