namespace Tollgate.Components.Tests.TestSupport;

/// <summary>
/// The build programs the component tests start as child processes in a build root, as <c>./build.sh</c> starts a
/// repository's build: tests/Tollgate.Components.TestBuild (the Build and Destroy targets), and this assembly as
/// <see cref="Local.StandaloneBuild"/> (Program.cs, verb <c>standalone-build</c>).
/// </summary>
internal static class BuildPrograms
{
    /// <summary>Starts tests/Tollgate.Components.TestBuild in <paramref name="root"/> with <paramref name="args"/>.</summary>
    public static ChildProgram StartStage(string root, params string[] args) => Start("Tollgate.Components.TestBuild.dll", root, args);

    /// <summary>Runs tests/Tollgate.Components.TestBuild to its end (at most <paramref name="timeout"/>); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunStageAsync(string root, TimeSpan timeout, params string[] args)
    {
        using var stage = StartStage(root, args);
        (await stage.WaitForExitAsync(timeout)).Should().BeTrue($"the build ends within {timeout}; its output so far:\n{stage.Output}");
        return (stage.ExitCode, stage.Output);
    }

    /// <summary>Starts <see cref="Local.StandaloneBuild"/> in <paramref name="root"/> with <paramref name="args"/>.</summary>
    public static ChildProgram StartStandalone(string root, params string[] args) => Start("Tollgate.Components.Tests.dll", root, ["standalone-build", .. args]);

    private static ChildProgram Start(string assembly, string root, string[] args)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        return ChildProgram.Start(assembly, root, [.. args, "--no-logo"]);
    }
}
