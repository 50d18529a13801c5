using Tollgate.Components.BuildImage;
using Tollgate.Components.Scan;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Scan;

/// <summary>
/// A build that composes the Scan component (and IBuildImage, whose Build it runs after, as the repository's build does),
/// run through the real engine on the GitHub Actions host.
/// </summary>
internal sealed class ScanBuild : TollgateBuild, IBuildImage, IScan
{
    /// <summary>Runs the Scan target in <paramref name="root"/> with <paramref name="args"/> added.</summary>
    public static Task<(int ExitCode, string Output, string StepSummary)> RunAsync(string root, params string[] args) =>
        GitHubRun.RunAsync(new ScanBuild(), root, ["Scan", .. args]);
}
