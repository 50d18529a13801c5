namespace Tollgate.Security;

/// <summary>Whether a scanner ran.</summary>
public enum ScannerStatus
{
    /// <summary>It ran; its findings are complete.</summary>
    Ran,

    /// <summary>It could not run (a missing tool, input or image); the reason says why. Fails the gate unless allowed.</summary>
    NotRun,
}

/// <summary>What one scanner did: its rules, its findings, or why it did not run.</summary>
/// <param name="Scanner">The scanner's id (<c>secrets</c>, <c>dockerfile</c>, ...), also its SARIF category.</param>
/// <param name="Status">Whether it ran.</param>
/// <param name="Rules">The rules it checks (SARIF <c>tool.driver.rules</c>).</param>
/// <param name="Findings">What it found (before ignores and baseline).</param>
/// <param name="Reason">Why it did not run, or a note on what it covered.</param>
public sealed record ScannerResult(string Scanner, ScannerStatus Status, IReadOnlyList<RuleDescriptor> Rules, IReadOnlyList<Finding> Findings, string? Reason = null)
{
    /// <summary>How many things it looked at (files, manifests, packages), for the summary.</summary>
    public int ItemsScanned { get; init; }

    /// <summary>A scanner that ran.</summary>
    public static ScannerResult Ran(string scanner, IReadOnlyList<RuleDescriptor> rules, IReadOnlyList<Finding> findings, int itemsScanned, string? note = null) =>
        new(scanner, ScannerStatus.Ran, rules, findings, note) { ItemsScanned = itemsScanned };

    /// <summary>A scanner that could not run, and why (name the fix).</summary>
    public static ScannerResult NotRun(string scanner, string reason) =>
        new(scanner, ScannerStatus.NotRun, [], [], reason);
}

/// <summary>One scanner of the Scan stage.</summary>
public interface IScanner
{
    /// <summary>The scanner's id, also its SARIF category and file name (<c>secrets</c> writes <c>secrets.sarif</c>).</summary>
    string Id { get; }

    /// <summary>Scans, returning its findings or why it could not run. Bad configuration throws <see cref="ScanException"/>.</summary>
    Task<ScannerResult> ScanAsync(CancellationToken cancellationToken);
}
