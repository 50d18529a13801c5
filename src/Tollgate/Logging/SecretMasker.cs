using System.Collections.Immutable;

namespace Tollgate;

/// <summary>
/// Replaces registered secret values with <c>***</c>. Thread-safe; longer secrets are replaced first so a secret that
/// contains another is masked whole.
/// </summary>
public sealed class SecretMasker
{
    /// <summary>The text that replaces a secret.</summary>
    public const string Mask = "***";

    private ImmutableArray<string> _secrets = [];

    /// <summary>The registered secrets, longest first.</summary>
    public ImmutableArray<string> Secrets => _secrets;

    /// <summary>Registers a secret value. Values shorter than 3 characters are ignored: masking them would shred the log.</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 3)
        {
            return;
        }

        ImmutableInterlocked.Update(ref _secrets, list => list.Contains(secret)
            ? list
            : [.. list.Add(secret).OrderByDescending(s => s.Length)]);
    }

    /// <summary>Returns the text with every registered secret replaced by <c>***</c>.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var secrets = _secrets;
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
