namespace Tollgate.Security;

/// <summary>
/// One problem a scanner found. Its <see cref="Fingerprint"/> is built from the scanner, the rule, the file and the
/// offending content (never the line number), so it survives lines moving and changes when the content changes.
/// </summary>
/// <param name="Scanner">The scanner's id (<c>secrets</c>, <c>dockerfile</c>, <c>kubernetes</c>, <c>dependencies</c>, ...).</param>
/// <param name="RuleId">The rule, e.g. <c>SEC001</c> or <c>GHSA-5crp-9r3c-p9vr</c>.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Message">What is wrong (secret values already redacted).</param>
/// <param name="Location">Where it is.</param>
/// <param name="Fingerprint">A stable hex hash of scanner, rule, file and offending content.</param>
public sealed record Finding(string Scanner, string RuleId, Severity Severity, string Message, FindingLocation Location, string Fingerprint)
{
    /// <summary>How to fix it.</summary>
    public string? Help { get; init; }

    /// <summary>For dependency findings: the versions that fix it.</summary>
    public string? FixedVersion { get; init; }

    /// <summary>Creates a finding whose fingerprint hashes <paramref name="evidence"/> (the offending content, not its line).</summary>
    public static Finding Create(string scanner, string ruleId, Severity severity, string message, FindingLocation location, string evidence) =>
        new(scanner, ruleId, severity, message, location, Fingerprints.Of(scanner, ruleId, location.Path ?? location.Image ?? string.Empty, evidence));
}

/// <summary>Where a finding is: a repository-relative file (with line and column), or an image and package.</summary>
/// <param name="Path">The file relative to the repository root, with forward slashes.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record FindingLocation(string? Path, int? Line = null, int? Column = null)
{
    /// <summary>The image reference, for findings in a container image.</summary>
    public string? Image { get; init; }

    /// <summary>The package (<c>name@version</c>), for dependency findings.</summary>
    public string? Package { get; init; }

    /// <summary>The commit the content was added in, for findings from git history.</summary>
    public string? Commit { get; init; }

    /// <summary>A short display form: <c>path:line:column</c>, the image, or the package.</summary>
    public override string ToString()
    {
        var file = Path is null ? null : Line is null ? Path : Column is null ? $"{Path}:{Line}" : $"{Path}:{Line}:{Column}";
        var parts = new[] { file, Image, Package, Commit is null ? null : $"commit {Commit[..Math.Min(12, Commit.Length)]}" };
        return string.Join(" ", parts.Where(p => p is not null));
    }
}
