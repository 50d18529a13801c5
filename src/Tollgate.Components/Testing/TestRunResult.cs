namespace Tollgate.Components.Testing;

/// <summary>What the UnitTest stage did: the runs, the coverage and the gate.</summary>
/// <param name="Selection">Which projects ran and why.</param>
/// <param name="Runs">One entry per <c>dotnet test</c> run.</param>
/// <param name="Coverage">Line coverage per project over the full runs (with a partial selection: the affected projects only).</param>
/// <param name="CoverageThreshold">The gate in percent (0: off).</param>
public sealed record TestRunResult(TestSelection Selection, IReadOnlyList<TestProjectRun> Runs, CoverageSummary Coverage, double CoverageThreshold)
{
    /// <summary>Every failed test with its project.</summary>
    public IReadOnlyList<(string Project, TrxTestResult Test)> FailedTests =>
        [.. Runs.SelectMany(r => (r.Report?.Failures ?? []).Select(t => (r.Name, t)))];

    /// <summary>Runs that produced no results (the build failed or the test host crashed).</summary>
    public IReadOnlyList<TestProjectRun> BrokenRuns => [.. Runs.Where(r => r.Report is null || (r.ExitCode != 0 && r.Report.Failed == 0))];

    /// <summary>Projects below the coverage gate.</summary>
    public IReadOnlyList<ProjectCoverage> BelowThreshold => CoverageThreshold > 0 ? Coverage.Below(CoverageThreshold) : [];

    /// <summary>Full runs that produced no coverage file (coverlet.collector not referenced?).</summary>
    public IReadOnlyList<TestProjectRun> RunsWithoutCoverage => [.. Runs.Where(r => r.Kind == TestRunKind.Full && r.Report is not null && r.CoveragePath is null)];

    /// <summary>Whether the stage passes: every run produced results, no test failed, coverage meets the gate.</summary>
    public bool Succeeded => BrokenRuns.Count == 0 && FailedTests.Count == 0 && BelowThreshold.Count == 0 && (CoverageThreshold <= 0 || RunsWithoutCoverage.Count == 0);

    /// <summary>The Markdown for the summary: test counts per project and the coverage table.</summary>
    public string ToMarkdown()
    {
        var lines = new List<string>
        {
            "### Unit tests",
            string.Empty,
            Selection.Reason + ".",
            string.Empty,
            "| Test project | Run | Passed | Failed | Skipped | Duration |",
            "|---|---|---:|---:|---:|---:|",
        };
        lines.AddRange(Runs.Select(r => r.Report is null
            ? $"| {r.Name} | {Kind(r.Kind)} | – | – | – | {DurationText.Format(r.Duration)} (no results, exit {r.ExitCode}) |"
            : $"| {r.Name} | {Kind(r.Kind)} | {r.Report.Passed} | {r.Report.Failed} | {r.Report.Skipped} | {DurationText.Format(r.Duration)} |"));
        lines.Add(string.Empty);
        if (Coverage.Projects.Count > 0)
        {
            lines.Add("#### Line coverage");
            lines.Add(string.Empty);
            lines.Add(Coverage.ToMarkdown(CoverageThreshold));
        }

        foreach (var (project, test) in FailedTests)
        {
            lines.Add($"- ❌ `{test.Name}` ({project}): {test.FirstMessageLine}");
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Kind(TestRunKind kind) => kind == TestRunKind.Full ? "all" : "smoke";
}

/// <summary>One <c>dotnet test</c> run of a test project.</summary>
/// <param name="Project">The test project, relative to the root.</param>
/// <param name="Kind">All tests or the smoke set.</param>
/// <param name="ExitCode">dotnet test's exit code.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Report">The TRX results, or null when none were written.</param>
/// <param name="TrxPath">The TRX file in the results directory, if any.</param>
/// <param name="JUnitPath">The JUnit XML file in the results directory, if any.</param>
/// <param name="CoveragePath">The Cobertura file in the coverage directory, if any.</param>
public sealed record TestProjectRun(
    string Project, TestRunKind Kind, int ExitCode, TimeSpan Duration, TrxReport? Report, string? TrxPath, string? JUnitPath, string? CoveragePath)
{
    /// <summary>The project's name (file name without extension).</summary>
    public string Name => Path.GetFileNameWithoutExtension(Project);
}

/// <summary>How a test project was run.</summary>
public enum TestRunKind
{
    /// <summary>All tests, with coverage.</summary>
    Full,

    /// <summary>Only the smoke set, without coverage.</summary>
    Smoke,
}
