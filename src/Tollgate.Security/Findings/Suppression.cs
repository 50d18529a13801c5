namespace Tollgate.Security;

/// <summary>Why a finding does not count.</summary>
public enum SuppressionKind
{
    /// <summary>An entry of the ignore file.</summary>
    IgnoreFile,

    /// <summary>A <c>tollgate:allow</c> comment.</summary>
    InlineAllow,

    /// <summary>The baseline of accepted findings.</summary>
    Baseline,
}

/// <summary>A finding that does not count, and why.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Kind">What suppressed it.</param>
/// <param name="Reason">The ignore entry's reason, the comment, or "in baseline".</param>
public sealed record Suppression(Finding Finding, SuppressionKind Kind, string Reason);
