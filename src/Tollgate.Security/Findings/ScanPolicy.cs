namespace Tollgate.Security;

/// <summary>How findings are judged: the gate's threshold, accepted scanners that may not run, ignores and baseline.</summary>
/// <param name="FailOn">Findings at or above this severity fail the gate (default high).</param>
public sealed record ScanPolicy(Severity FailOn = Severity.High)
{
    /// <summary>Scanners allowed to be "not run" without failing the gate (<c>*</c> for all).</summary>
    public IReadOnlySet<string> AllowNotRun { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The ignore file's entries.</summary>
    public IReadOnlyList<IgnoreEntry> Ignores { get; init; } = [];

    /// <summary>The accepted findings.</summary>
    public Baseline Baseline { get; init; } = Baseline.Empty;

    /// <summary>The day expiry is judged on (default: today, UTC).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Whether <paramref name="scanner"/> may be "not run".</summary>
    public bool MayNotRun(string scanner) => AllowNotRun.Contains("*") || AllowNotRun.Contains(scanner);
}
