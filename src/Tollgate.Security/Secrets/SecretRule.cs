using System.Text.RegularExpressions;

namespace Tollgate.Security.Secrets;

/// <summary>
/// One secret rule: cheap keywords that must occur on a line before the regular expression runs on it (this is what
/// makes the scan fast), the expression, and which group holds the secret value.
/// </summary>
/// <param name="Descriptor">Id, name, description, help and severity.</param>
/// <param name="Keywords">Literals (matched ignoring case); a line without any of them is never matched by the rule.</param>
/// <param name="Pattern">The expression; group <c>secret</c> is the value, else the whole match.</param>
public sealed record SecretRule(RuleDescriptor Descriptor, IReadOnlyList<string> Keywords, Regex Pattern)
{
    /// <summary>The least Shannon entropy (bits per character) the value must have; 0 for none.</summary>
    public double MinEntropy { get; init; }

    /// <summary>Whether the value must mix letters and digits (keeps identifiers like <c>CancellationToken.None</c> out).</summary>
    public bool RequireLettersAndDigits { get; init; }

    /// <summary>Whether a more specific rule that matched the same value wins over this one.</summary>
    public bool IsGeneric { get; init; }

    /// <summary>For private key blocks: the value is the key body on the following lines, not the header.</summary>
    public bool ValueFollowsMatch { get; init; }
}
