using System.Collections.Immutable;
using System.Net;
using System.Security;
using System.Text.Encodings.Web;
using System.Text.Json;

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

    /// <summary>
    /// Registers a secret value and its encoded forms (JSON with the default and the relaxed escaping, HTML, XML, URL),
    /// so text that was encoded before it reached the masker is masked too. Values shorter than 3 characters are ignored:
    /// masking them would shred the log.
    /// </summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 3)
        {
            return;
        }

        var forms = EncodedForms(secret);
        ImmutableInterlocked.Update(ref _secrets, list => forms.All(list.Contains)
            ? list
            : [.. list.Union(forms, StringComparer.Ordinal).OrderByDescending(s => s.Length)]);
    }

    /// <summary>
    /// Masks the value before it is encoded: callers that serialize (JSON, XML, HTML) mask each string with this first,
    /// so no escaping can hide a secret from the masker.
    /// </summary>
    public string? MaskValue(string? value) => value is null ? null : Apply(value);

    private static HashSet<string> EncodedForms(string secret) =>
        new(StringComparer.Ordinal)
        {
            secret,
            JsonEncodedText.Encode(secret).ToString(),
            JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
            HtmlEncoder.Default.Encode(secret),
            WebUtility.HtmlEncode(secret),
            SecurityElement.Escape(secret),
            Uri.EscapeDataString(secret),
        };

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
