using System.Globalization;

namespace Tollgate.Components.Testing;

/// <summary>The end-of-build message of a failed UnitTest stage.</summary>
internal static class UnitTestFailure
{
    public static string Describe(TestRunResult result)
    {
        var lines = new List<string>();
        if (result.FailedTests.Count > 0)
        {
            lines.Add($"{result.FailedTests.Count} test(s) failed:");
            lines.AddRange(result.FailedTests.Select(f => $"  - {f.Test.Name} ({f.Project}): {f.Test.FirstMessageLine}"));
        }

        foreach (var run in result.BrokenRuns)
        {
            lines.Add($"{run.Project}: dotnet test exited with {run.ExitCode} {(run.Report is null ? "without writing results" : "although no test failed")}; the build or the test host failed (see its output above).");
        }

        foreach (var run in result.RunsWithoutCoverage)
        {
            lines.Add($"{run.Project}: no coverage was collected. Reference coverlet.collector in the test project (or tests/Directory.Build.props), or set CoverageThreshold to 0.");
        }

        if (result.BelowThreshold.Count > 0)
        {
            var threshold = result.CoverageThreshold.ToString("0.#", CultureInfo.InvariantCulture);
            lines.Add($"Line coverage is below {threshold} % in: " +
                string.Join(", ", result.BelowThreshold.Select(p => $"{p.Name} ({p.Percent.ToString("0.0", CultureInfo.InvariantCulture)} %)")) +
                ". Add tests or lower CoverageThreshold.");
        }

        return string.Join('\n', lines);
    }
}
