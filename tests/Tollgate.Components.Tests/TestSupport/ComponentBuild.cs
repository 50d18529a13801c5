using System.Text;
using Tollgate.Components.Lint;
using Tollgate.Components.Testing;

namespace Tollgate.Components.Tests.TestSupport;

/// <summary>A build that composes the Lint and UnitTest components, run through the real engine.</summary>
public sealed class ComponentBuild : TollgateBuild, ILint, IUnitTest
{
    /// <summary>
    /// Runs the build in <paramref name="root"/> (which gets a .nuke/ folder) on the GitHub Actions host, so
    /// diagnostics become annotations and the summary goes to a step-summary file.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string StepSummary)> RunOnGitHubAsync(string root, params string[] args)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var summaryPath = Path.Combine(root, "step-summary.md");
        var output = new StringBuilder();
        await using var writer = TextWriter.Synchronized(new StringWriter(output, System.Globalization.CultureInfo.InvariantCulture));
        var settings = new BuildRunSettings
        {
            Output = writer,
            OutputRedirected = true,
            CurrentDirectory = root,
            Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
                ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
                ["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME"),
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_STEP_SUMMARY"] = summaryPath,
            },
        };
        var exitCode = await BuildRunner.RunAsync(new ComponentBuild(), args, defaultTarget: null, settings, CancellationToken.None);
        await writer.FlushAsync();
        return (exitCode, output.ToString(), File.Exists(summaryPath) ? await File.ReadAllTextAsync(summaryPath) : string.Empty);
    }
}
