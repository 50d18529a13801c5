using System.Globalization;

namespace Tollgate;

/// <summary>Formats durations the way every host shows them: <c>0.4s</c>, <c>12.3s</c>, <c>2m 05s</c>, <c>1h 02m</c>.</summary>
internal static class DurationText
{
    /// <summary>The duration in the shortest readable form.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration < TimeSpan.FromSeconds(59.95))
        {
            return duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
        }

        return duration < TimeSpan.FromHours(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:00}m");
    }
}
