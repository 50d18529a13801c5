using System.Globalization;

namespace Tollgate;

/// <summary>
/// The one duration format of Tollgate, used by every host, error message, log line and report:
/// <c>250ms</c> below a second, then <c>12.3s</c>, <c>2m 05s</c>, <c>1h 02m</c> and <c>3d 02h</c>.
/// </summary>
internal static class DurationText
{
    /// <summary>The duration in the shortest readable form (negative durations read as zero).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0}ms");
        }

        if (duration < TimeSpan.FromSeconds(59.95))
        {
            return duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
        }

        if (duration < TimeSpan.FromHours(1))
        {
            // Whole seconds, rounded: 59.96 s reads 1m 00s, not 0m 59s.
            var seconds = (long)Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero);
            return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m {seconds % 60:00}s");
        }

        return duration < TimeSpan.FromDays(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalDays}d {duration.Hours:00}h");
    }
}
