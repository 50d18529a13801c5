using System.Globalization;

namespace Tollgate.Components.Testing;

/// <summary>
/// Line coverage per project (assembly), merged over all coverage reports: a line counts as covered if any test
/// project's run covered it.
/// </summary>
/// <param name="Projects">One row per project, ordered by name.</param>
public sealed record CoverageSummary(IReadOnlyList<ProjectCoverage> Projects)
{
    /// <summary>Merges the lines of several reports.</summary>
    public static CoverageSummary FromLines(IEnumerable<CoveredLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var projects = lines
            .GroupBy(l => (l.Project, l.File, l.Line))
            .Select(g => (g.Key.Project, Covered: g.Any(l => l.Hits > 0)))
            .GroupBy(l => l.Project, StringComparer.Ordinal)
            .Select(g => new ProjectCoverage(g.Key, g.Count(l => l.Covered), g.Count()))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return new CoverageSummary(projects);
    }

    /// <summary>The lines covered in all projects.</summary>
    public int LinesCovered => Projects.Sum(p => p.LinesCovered);

    /// <summary>The coverable lines in all projects.</summary>
    public int LinesValid => Projects.Sum(p => p.LinesValid);

    /// <summary>The overall line coverage in percent.</summary>
    public double Percent => LinesValid == 0 ? 100 : 100.0 * LinesCovered / LinesValid;

    /// <summary>The projects whose line coverage is below the threshold (in percent).</summary>
    public IReadOnlyList<ProjectCoverage> Below(double thresholdPercent) => [.. Projects.Where(p => p.Percent < thresholdPercent)];

    /// <summary>A Markdown table: project, covered/valid lines, percent, and a pass/fail mark against the threshold.</summary>
    public string ToMarkdown(double thresholdPercent)
    {
        var rows = new List<string>
        {
            $"| Project | Lines covered | Line coverage | Gate ({Format(thresholdPercent)} %) |",
            "|---|---:|---:|:---:|",
        };
        rows.AddRange(Projects.Select(p => $"| {p.Name} | {p.LinesCovered}/{p.LinesValid} | {Format(p.Percent)} % | {(p.Percent < thresholdPercent ? "❌" : "✅")} |"));
        rows.Add($"| **Total** | {LinesCovered}/{LinesValid} | {Format(Percent)} % | |");
        return string.Join('\n', rows) + "\n";
    }

    private static string Format(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>The line coverage of one project.</summary>
/// <param name="Name">The project (assembly) name.</param>
/// <param name="LinesCovered">Coverable lines that ran.</param>
/// <param name="LinesValid">Coverable lines.</param>
public sealed record ProjectCoverage(string Name, int LinesCovered, int LinesValid)
{
    /// <summary>The line coverage in percent (100 when nothing is coverable).</summary>
    public double Percent => LinesValid == 0 ? 100 : 100.0 * LinesCovered / LinesValid;
}
