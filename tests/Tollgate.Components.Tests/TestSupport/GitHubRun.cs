using System.Text;

namespace Tollgate.Components.Tests.TestSupport;

/// <summary>Runs a build through the real engine on the GitHub Actions host.</summary>
public static class GitHubRun
{
    /// <summary>
    /// Runs <paramref name="build"/> in <paramref name="root"/> (which gets a .nuke/ folder) on the GitHub Actions host,
    /// so diagnostics become annotations and the summary goes to a fresh step-summary file.
    /// </summary>
    public static Task<(int ExitCode, string Output, string StepSummary)> RunAsync(TollgateBuild build, string root, params string[] args) =>
        RunWithPathAsync(build, root, pathPrefix: null, args);

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="pathPrefix"/> (a folder of fake tools) first on PATH.</summary>
    public static async Task<(int ExitCode, string Output, string StepSummary)> RunWithPathAsync(TollgateBuild build, string root, string? pathPrefix, params string[] args)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var summaryPath = Path.Combine(root, "step-summary.md");
        File.Delete(summaryPath);
        var output = new StringBuilder();
        await using var writer = TextWriter.Synchronized(new StringWriter(output, System.Globalization.CultureInfo.InvariantCulture));
        var settings = new BuildRunSettings
        {
            Output = writer,
            OutputRedirected = true,
            CurrentDirectory = root,
            Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["PATH"] = pathPrefix is null ? Environment.GetEnvironmentVariable("PATH") : pathPrefix + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
                ["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME"),
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_STEP_SUMMARY"] = summaryPath,
            },
        };
        var exitCode = await BuildRunner.RunAsync(build, args, defaultTarget: null, settings, CancellationToken.None);
        await writer.FlushAsync();
        return (exitCode, Unescape(output.ToString()), File.Exists(summaryPath) ? await File.ReadAllTextAsync(summaryPath) : string.Empty);
    }

    /// <summary>
    /// The host prints a failure once, as one <c>::error</c> whose message is escaped for workflow commands (%0A for a
    /// line break, %25 for %); the tests read what GitHub shows, so the escapes are decoded.
    /// </summary>
    private static string Unescape(string output) =>
        output.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
}
