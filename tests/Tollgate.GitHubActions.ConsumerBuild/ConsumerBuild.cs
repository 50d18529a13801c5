namespace Tollgate.GitHubActions.ConsumerBuild;

/// <summary>
/// Compile → UnitTest → Publish → Deploy as a consumer writes it. Compile writes the "binaries" (src/App/bin/App.dll,
/// holding the configuration), UnitTest and Publish fail when they are missing, as <c>dotnet test --no-build</c> would.
/// The variants differ only in how Compile's files reach the other jobs.
/// </summary>
public abstract class ConsumerBuild : TollgateBuild, IGitHubActions
{
    /// <summary>The compiled file every later target needs.</summary>
    public const string Binary = "src/App/bin/App.dll";

    [Parameter("Build configuration: Debug or Release")]
    public string Configuration { get; set; } = "Debug";

    [Parameter("Token of the deployment target"), Secret]
    public string? DeployToken { get; set; }

    /// <inheritdoc />
    public IEnumerable<GitHubWorkflow> Workflows =>
    [
        new GitHubWorkflow("ci", nameof(UnitTest), nameof(Deploy)).OnPushToBranches("main").WithParameterValue(nameof(Configuration), "Release"),
    ];

    protected virtual Target Compile => _ => _
        .Executes(() =>
        {
            Directory.CreateDirectory(RootDirectory / "src/App/bin");
            File.WriteAllText(RootDirectory / Binary, $"App compiled in {Configuration}\n");
        });

    protected virtual Target UnitTest => _ => _
        .DependsOn(Compile)
        .Produces("artifacts/test-results/**")
        .Executes(() =>
        {
            var compiled = RequireBinary("UnitTest");
            Directory.CreateDirectory(ArtifactsDirectory / "test-results");
            File.WriteAllText(ArtifactsDirectory / "test-results" / "results.txt", $"1 passed against {compiled}");
        });

    protected virtual Target Publish => _ => _
        .DependsOn(Compile, UnitTest)
        .Produces("artifacts/publish/**")
        .Executes(() =>
        {
            var compiled = RequireBinary("Publish");
            Directory.CreateDirectory(ArtifactsDirectory / "publish");
            File.WriteAllText(ArtifactsDirectory / "publish" / "App.dll", compiled);
        });

    protected Target Deploy => _ => _
        .DependsOn(Publish)
        .Consumes(Publish)
        .Uses(() => DeployToken)
        .Requires(() => DeployToken)
        .DeploysTo("production", "https://app.example")
        .Executes(() => File.Exists(ArtifactsDirectory / "publish" / "App.dll")
            ? Task.CompletedTask
            : throw new TollgateException("artifacts/publish/App.dll is missing: the Publish artifact did not reach this job."));

    private string RequireBinary(string target)
    {
        var path = RootDirectory / Binary;
        return File.Exists(path)
            ? File.ReadAllText(path).Trim()
            : throw new TollgateException($"{target}: {Binary} is missing. Compile did not run in this job and its files were not handed over.");
    }
}

/// <summary>No hand-over declared: generation fails, naming Compile, UnitTest, Publish and the fixes.</summary>
public sealed class UndeclaredBuild : ConsumerBuild;

/// <summary>Compile's files travel as an artifact; Publish needs only that UnitTest passed.</summary>
public sealed class ArtifactBuild : ConsumerBuild
{
    protected override Target Compile => _ => base.Compile(_).Produces("src/App/bin/**");

    protected override Target UnitTest => _ => base.UnitTest(_).Consumes(Compile).HandsOverNothing();

    protected override Target Publish => _ => base.Publish(_).Consumes(Compile);
}

/// <summary>UnitTest and Publish run in Compile's job.</summary>
public sealed class SharedJobBuild : ConsumerBuild
{
    protected override Target UnitTest => _ => base.UnitTest(_).SharesJobWith(nameof(Compile));

    protected override Target Publish => _ => base.Publish(_).SharesJobWith(nameof(Compile));
}

/// <summary>Compile runs again in each job that needs it; Publish needs only that UnitTest passed.</summary>
public sealed class FoldedBuild : ConsumerBuild
{
    protected override Target Compile => _ => base.Compile(_).FoldsIntoDependentJobs();

    protected override Target UnitTest => _ => base.UnitTest(_).HandsOverNothing();
}
