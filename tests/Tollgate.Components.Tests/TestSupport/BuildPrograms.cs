namespace Tollgate.Components.Tests.TestSupport;

/// <summary>
/// The build programs the component tests start as child processes (<see cref="ChildProgram"/>) in a build root, as
/// <c>./build.sh</c> starts a repository's build: tests/Tollgate.Components.TestBuild (the Build and Destroy targets),
/// and this assembly as <see cref="Local.StandaloneBuild"/> (Program.cs, verb <c>standalone-build</c>).
/// </summary>
internal static class BuildPrograms
{
    private const string Stage = "Tollgate.Components.TestBuild.dll";

    /// <summary>Starts tests/Tollgate.Components.TestBuild in <paramref name="root"/> with <paramref name="args"/>.</summary>
    public static ChildProgram StartStage(string root, params string[] args) => ChildProgram.Start(Stage, Prepare(root), [.. args, "--no-logo"]);

    /// <summary>Runs tests/Tollgate.Components.TestBuild to its end (at most <paramref name="timeout"/>); its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunStageAsync(string root, TimeSpan timeout, params string[] args) =>
        ChildProgram.RunAsync(Stage, Prepare(root), timeout, [.. args, "--no-logo"]);

    /// <summary>Starts <see cref="Local.StandaloneBuild"/> in <paramref name="root"/> with <paramref name="args"/>.</summary>
    public static ChildProgram StartStandalone(string root, params string[] args) =>
        ChildProgram.Start("Tollgate.Components.Tests.dll", Prepare(root), ["standalone-build", .. args, "--no-logo"]);

    /// <summary>Marks <paramref name="root"/> as the build root (its .nuke folder) and returns it.</summary>
    private static string Prepare(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        return root;
    }
}
