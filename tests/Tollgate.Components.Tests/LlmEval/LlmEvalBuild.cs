using System.Text;
using Tollgate.Components.LlmEval;

namespace Tollgate.Components.Tests.LlmEval;

/// <summary>A build that composes the LlmEval component, run through the real engine.</summary>
public class LlmEvalBuild : TollgateBuild, ILlmEval
{
    /// <summary>
    /// Runs <paramref name="build"/> in <paramref name="root"/> (which gets a .nuke/ folder) on the GitHub Actions
    /// host, so diagnostics become annotations and the summary goes to a step-summary file.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string StepSummary)> RunOnGitHubAsync(TollgateBuild build, string root, params string[] args)
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
                ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
                ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_STEP_SUMMARY"] = summaryPath,
            },
        };
        var exitCode = await BuildRunner.RunAsync(build, args, defaultTarget: null, settings, CancellationToken.None);
        await writer.FlushAsync();
        return (exitCode, output.ToString(), File.Exists(summaryPath) ? await File.ReadAllTextAsync(summaryPath) : string.Empty);
    }

    /// <summary>Runs the LlmEval target of the mini suite with <paramref name="args"/> added.</summary>
    public static Task<(int ExitCode, string Output, string StepSummary)> RunSuiteAsync(string root, params string[] args) =>
        RunOnGitHubAsync(new LlmEvalBuild(), root, ["LlmEval", "--eval-suite", EvalCases.SuiteFile, .. args]);
}
