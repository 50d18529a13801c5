using Microsoft.Extensions.FileSystemGlobbing;

namespace Tollgate.Security;

/// <summary>
/// One entry of the ignore file: a fingerprint, or a rule (optionally limited to a path glob and a scanner), or every
/// finding of a scanner under a path glob (test fixtures that are vulnerable on purpose), with the reason it is accepted
/// and, optionally, the last day it applies.
/// </summary>
/// <param name="Reason">Why the finding is accepted (required).</param>
/// <param name="Fingerprint">The finding's fingerprint (or a prefix of at least 8 characters).</param>
/// <param name="Rule">A rule id, for all of its findings (in <see cref="Path"/> when given); null with a scanner and a path: every rule.</param>
/// <param name="Path">A glob relative to the root, e.g. <c>tests/**</c>.</param>
/// <param name="Scanner">Limits a rule entry to one scanner; without a rule, the scanner whose findings under <see cref="Path"/> are accepted.</param>
/// <param name="Expires">The last day the entry applies (UTC); afterwards it is reported as expired and ignored.</param>
/// <param name="Index">The entry's 1-based position in the file, for messages.</param>
public sealed record IgnoreEntry(string Reason, string? Fingerprint, string? Rule, string? Path, string? Scanner, DateOnly? Expires, int Index)
{
    /// <summary>Whether the entry has expired on <paramref name="today"/>.</summary>
    public bool IsExpired(DateOnly today) => Expires is { } last && today > last;

    /// <summary>Whether the entry covers <paramref name="finding"/>.</summary>
    public bool Matches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (Fingerprint is not null)
        {
            return finding.Fingerprint.StartsWith(Fingerprint, StringComparison.OrdinalIgnoreCase);
        }

        if ((Rule is not null && !string.Equals(Rule, finding.RuleId, StringComparison.OrdinalIgnoreCase)) || (Scanner is not null && Scanner != finding.Scanner))
        {
            return false;
        }

        if (Path is null)
        {
            return true;
        }

        var target = finding.Location.Path ?? finding.Location.Image;
        if (target is null)
        {
            return false;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(Path);
        return matcher.Match(target).HasMatches;
    }

    /// <summary>A one-line description, e.g. <c>#3 rule DF009 in tests/** (until 2027-01-31)</c>.</summary>
    public override string ToString() =>
        $"#{Index} {(Fingerprint is not null ? $"fingerprint {Fingerprint}" : $"{(Rule is null ? $"scanner {Scanner}" : $"rule {Rule}")}{(Path is null ? string.Empty : $" in {Path}")}")}{(Expires is null ? string.Empty : $" (until {Expires:yyyy-MM-dd})")}";
}
