using Tollgate.Evaluation;

namespace Tollgate.Components.LlmEval;

/// <summary>Parses the <c>--eval-cache-mode</c> parameter.</summary>
public static class LlmEvalCacheModes
{
    private static readonly Dictionary<string, CacheMode> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["read-write"] = CacheMode.ReadWrite,
        ["read-only"] = CacheMode.ReadOnly,
        ["off"] = CacheMode.Off,
        ["refresh"] = CacheMode.Refresh,
    };

    /// <summary>The mode for <paramref name="text"/> (read-write when empty); an unknown mode names the nearest.</summary>
    public static CacheMode Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return CacheMode.ReadWrite;
        }

        if (Modes.TryGetValue(text, out var mode))
        {
            return mode;
        }

        var suggestion = NameSuggestions.Closest(text, Modes.Keys);
        throw new TollgateException($"unknown cache mode '{text}'" + (suggestion is null ? $"; use one of {string.Join(", ", Modes.Keys)}" : $"; did you mean '{suggestion}'?"));
    }
}
