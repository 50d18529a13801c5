namespace Tollgate.Components.Lint;

/// <summary>Everything the Lint stage found, from all checks together.</summary>
/// <param name="Checks">One entry per check (dotnet format, prompts, YAML, shellcheck, Dockerfiles).</param>
public sealed record LintResult(IReadOnlyList<LintCheckResult> Checks)
{
    /// <summary>All diagnostics, check by check.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => [.. Checks.SelectMany(c => c.Diagnostics)];

    /// <summary>The number of errors.</summary>
    public int ErrorCount => Checks.Sum(c => c.ErrorCount);

    /// <summary>The number of warnings.</summary>
    public int WarningCount => Checks.Sum(c => c.WarningCount);

    /// <summary>Whether the stage passes: no errors (warnings do not fail it).</summary>
    public bool Succeeded => ErrorCount == 0;

    /// <summary>A Markdown table of the checks and their counts.</summary>
    public string ToMarkdown()
    {
        var lines = new List<string>
        {
            "### Lint",
            string.Empty,
            "| Check | Files | Errors | Warnings | Note |",
            "|---|---:|---:|---:|---|",
        };
        lines.AddRange(Checks.Select(c => $"| {c.Name} | {c.FilesChecked} | {c.ErrorCount} | {c.WarningCount} | {c.Note?.Replace("|", "\\|", StringComparison.Ordinal) ?? string.Empty} |"));
        lines.Add(string.Empty);
        lines.Add(Succeeded ? $"**Passed** with {WarningCount} warning(s)." : $"**Failed**: {ErrorCount} error(s), {WarningCount} warning(s).");
        return string.Join('\n', lines) + "\n";
    }
}

/// <summary>What one check found.</summary>
/// <param name="Name">The check's name, e.g. <c>dotnet format</c>.</param>
/// <param name="FilesChecked">How many files it looked at (for dotnet format: files with problems).</param>
/// <param name="Diagnostics">The problems, file:line.</param>
/// <param name="Note">Why it was skipped or what it covered, if worth saying.</param>
public sealed record LintCheckResult(string Name, int FilesChecked, IReadOnlyList<Diagnostic> Diagnostics, string? Note = null)
{
    /// <summary>The number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == LogLevel.Error);

    /// <summary>The number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == LogLevel.Warning);
}
