namespace Tollgate.Security;

/// <summary>How bad a finding is, lowest first (so <c>a &gt;= Severity.High</c> reads naturally).</summary>
public enum Severity
{
    /// <summary>Worth knowing; never fails a gate unless asked.</summary>
    Info,

    /// <summary>Low risk.</summary>
    Low,

    /// <summary>Medium risk.</summary>
    Medium,

    /// <summary>High risk: the default gate fails on it.</summary>
    High,

    /// <summary>Critical: a live credential, a remotely exploitable vulnerability.</summary>
    Critical,
}

/// <summary>Parsing and display of <see cref="Severity"/>.</summary>
public static class Severities
{
    /// <summary>The names accepted by <see cref="Parse"/>, lowest first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["info", "low", "medium", "high", "critical"];

    /// <summary>Parses <c>critical|high|medium|low|info</c> (any case; <c>moderate</c> is medium, <c>note</c> info, <c>error</c> high, <c>warning</c> medium).</summary>
    /// <exception cref="ScanException">The text is none of these.</exception>
    public static Severity Parse(string text, string where) =>
        TryParse(text) ?? throw new ScanException($"{where}: '{text}' is not a severity. Use one of {string.Join(", ", Names)}.");

    /// <summary>Parses a severity, or returns null.</summary>
    public static Severity? TryParse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" => Severity.Critical,
        "HIGH" or "ERROR" => Severity.High,
        "MEDIUM" or "MODERATE" or "WARNING" => Severity.Medium,
        "LOW" => Severity.Low,
        "INFO" or "NOTE" or "NONE" or "UNKNOWN" or "NEGLIGIBLE" => Severity.Info,
        _ => null,
    };

    /// <summary>The lower-case name.</summary>
    public static string ToName(this Severity severity) => Names[(int)severity];

    /// <summary>The SARIF level: error for high and critical, warning for medium, note below.</summary>
    public static string ToSarifLevel(this Severity severity) => severity switch
    {
        >= Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub's <c>security-severity</c> score (critical above 9.0, high 7.0-8.9, medium 4.0-6.9, low below).</summary>
    public static string ToSecuritySeverity(this Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "0.0",
    };
}
