using Tollgate;

/// <summary>The repository's own pipeline, run by ./build.sh.</summary>
public sealed class Build : TollgateBuild
{
    [Parameter("Build configuration: Debug or Release")]
    readonly Configuration Configuration = Configuration.Debug;

    public static int Main() => Execute<Build>(x => x.Compile);

    static readonly string[] LibraryProjects = ["Tollgate", "Tollgate.GitHubActions", "Tollgate.Evaluation", "Tollgate.Components"];

    AbsolutePath Solution => RootDirectory / "Tollgate.slnx";

    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    Target Restore => _ => _
        .Description("Restores the solution's NuGet packages")
        .Executes(ct => Dotnet(ct, "restore", Solution));

    Target Compile => _ => _
        .Description("Compiles the solution")
        .DependsOn(Restore)
        .Executes(ct => Dotnet(ct, "build", Solution, "--no-restore", "-c", Configuration.ToString(), "-nologo"));

    Target Pack => _ => _
        .Description("Packs the Tollgate libraries as NuGet packages into artifacts/packages")
        .DependsOn(Compile)
        .Produces("artifacts/packages/*.nupkg")
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
