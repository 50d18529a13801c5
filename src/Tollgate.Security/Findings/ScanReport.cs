namespace Tollgate.Security;

/// <summary>
/// The judged scan: per scanner its result with only the findings that count, what was suppressed and why, expired
/// ignore entries, and the gate's verdict.
/// </summary>
/// <param name="Results">Per scanner: status, rules, and the findings that count.</param>
/// <param name="Suppressed">Findings that do not count, with the reason.</param>
/// <param name="ExpiredIgnores">Ignore entries past their expiry (no longer applied).</param>
/// <param name="Policy">The policy the scan was judged with.</param>
public sealed record ScanReport(IReadOnlyList<ScannerResult> Results, IReadOnlyList<Suppression> Suppressed, IReadOnlyList<IgnoreEntry> ExpiredIgnores, ScanPolicy Policy)
{
    /// <summary>Every finding that counts.</summary>
    public IReadOnlyList<Finding> Findings => [.. Results.SelectMany(r => r.Findings)];

    /// <summary>Findings at or above the threshold.</summary>
    public IReadOnlyList<Finding> Blocking => [.. Findings.Where(f => f.Severity >= Policy.FailOn)];

    /// <summary>Scanners that did not run and are not allowed to skip.</summary>
    public IReadOnlyList<ScannerResult> BlockingNotRun => [.. Results.Where(r => r.Status == ScannerStatus.NotRun && !Policy.MayNotRun(r.Scanner))];

    /// <summary>Whether the gate passes.</summary>
    public bool Passed => Blocking.Count == 0 && BlockingNotRun.Count == 0;

    /// <summary>The reasons the gate fails, one per line (empty when it passes).</summary>
    public IReadOnlyList<string> Failures =>
    [
        .. Blocking.Count == 0 ? [] : new[] { $"{Blocking.Count} finding(s) at or above {Policy.FailOn.ToName()}" },
        .. BlockingNotRun.Select(r => $"{r.Scanner} did not run: {r.Reason}"),
    ];

    /// <summary>Judges raw scanner results against <paramref name="policy"/>: ignore file, then inline allows, then baseline.</summary>
    public static ScanReport Judge(IReadOnlyList<ScannerResult> results, ScanPolicy policy, InlineAllows? inlineAllows)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(policy);
        var active = policy.Ignores.Where(e => !e.IsExpired(policy.Today)).ToList();
        var expired = policy.Ignores.Where(e => e.IsExpired(policy.Today)).ToList();
        var suppressed = new List<Suppression>();
        var judged = results.Select(result =>
        {
            var kept = new List<Finding>();
            foreach (var finding in result.Findings)
            {
                var suppression = Suppress(finding, active, policy.Baseline, inlineAllows);
                if (suppression is null)
                {
                    kept.Add(finding);
                }
                else
                {
                    suppressed.Add(suppression);
                }
            }

            return result with { Findings = kept };
        }).ToList();
        return new ScanReport(judged, suppressed, expired, policy);
    }

    private static Suppression? Suppress(Finding finding, List<IgnoreEntry> ignores, Baseline baseline, InlineAllows? inlineAllows)
    {
        if (ignores.FirstOrDefault(e => e.Matches(finding)) is { } entry)
        {
            return new Suppression(finding, SuppressionKind.IgnoreFile, $"{entry}: {entry.Reason}");
        }

        if (inlineAllows?.Find(finding) is { } comment)
        {
            return new Suppression(finding, SuppressionKind.InlineAllow, comment);
        }

        return baseline.Fingerprints.Contains(finding.Fingerprint) ? new Suppression(finding, SuppressionKind.Baseline, "in the baseline") : null;
    }
}
