using Tollgate.Components.Lint;
using Tollgate.Components.Testing;

namespace Tollgate.Components.Tests.TestSupport;

/// <summary>A build that composes the Lint and UnitTest components, run through the real engine.</summary>
public sealed class ComponentBuild : TollgateBuild, ILint, IUnitTest
{
    /// <summary>Runs a new <see cref="ComponentBuild"/> in <paramref name="root"/> on the GitHub Actions host.</summary>
    public static Task<(int ExitCode, string Output, string StepSummary)> RunOnGitHubAsync(string root, params string[] args) =>
        GitHubRun.RunAsync(new ComponentBuild(), root, args);
}
