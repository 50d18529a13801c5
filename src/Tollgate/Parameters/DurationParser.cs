using System.Globalization;

namespace Tollgate;

/// <summary>Reads durations written as <c>00:05:00</c> (hh:mm:ss, also d.hh:mm:ss) or as a number with a unit: <c>250ms</c>, <c>30s</c>, <c>5m</c>, <c>1.5h</c>, <c>1d</c>.</summary>
internal static class DurationParser
{
    /// <summary>Parses a duration; returns false for anything else, including negative values.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParseExact(text, ["c", "g"], CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        var (number, factor) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], TimeSpan.FromMilliseconds(1)),
            _ when text.EndsWith('s') || text.EndsWith('S') => (text[..^1], TimeSpan.FromSeconds(1)),
            _ when text.EndsWith('m') || text.EndsWith('M') => (text[..^1], TimeSpan.FromMinutes(1)),
            _ when text.EndsWith('h') || text.EndsWith('H') => (text[..^1], TimeSpan.FromHours(1)),
            _ when text.EndsWith('d') || text.EndsWith('D') => (text[..^1], TimeSpan.FromDays(1)),
            _ => (string.Empty, TimeSpan.Zero),
        };

        if (number.Length == 0
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || double.IsInfinity(amount * factor.TotalMilliseconds)
            || amount * factor.TotalMilliseconds > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(amount * factor.TotalMilliseconds);
        return true;
    }
}
