using System.Security.Cryptography;
using System.Text;

namespace Tollgate.Security;

/// <summary>Fingerprints of findings: SHA-256 over scanner, rule, file and offending content, as 32 hex characters.</summary>
internal static class Fingerprints
{
    /// <summary>The fingerprint of a finding. Whitespace in <paramref name="evidence"/> is collapsed, so re-indenting does not change it.</summary>
    public static string Of(string scanner, string ruleId, string path, string evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var normalized = string.Join(' ', evidence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var bytes = Encoding.UTF8.GetBytes($"{scanner}\n{ruleId}\n{path}\n{normalized}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }
}
