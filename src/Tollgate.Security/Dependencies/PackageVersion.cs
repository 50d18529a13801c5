using System.Globalization;

namespace Tollgate.Security.Dependencies;

/// <summary>
/// Compares NuGet and npm (SemVer 2) versions: numeric release parts (missing parts are 0, so 13.0 = 13.0.0.0), then a
/// release sorts after its pre-releases, pre-release identifiers compared numerically or ordinally; build metadata
/// is ignored.
/// </summary>
internal static class PackageVersion
{
    /// <summary>Negative when <paramref name="a"/> is lower, 0 when equal, positive when higher.</summary>
    public static int Compare(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (releaseA, preA) = Split(a);
        var (releaseB, preB) = Split(b);
        for (var i = 0; i < Math.Max(releaseA.Length, releaseB.Length); i++)
        {
            var c = (i < releaseA.Length ? releaseA[i] : 0).CompareTo(i < releaseB.Length ? releaseB[i] : 0);
            if (c != 0)
            {
                return c;
            }
        }

        if (preA is null || preB is null)
        {
            return preA is null ? (preB is null ? 0 : 1) : -1;
        }

        var partsA = preA.Split('.');
        var partsB = preB.Split('.');
        for (var i = 0; i < Math.Min(partsA.Length, partsB.Length); i++)
        {
            var numericA = long.TryParse(partsA[i], NumberStyles.None, CultureInfo.InvariantCulture, out var na);
            var numericB = long.TryParse(partsB[i], NumberStyles.None, CultureInfo.InvariantCulture, out var nb);
            var c = numericA && numericB ? na.CompareTo(nb) : numericA ? -1 : numericB ? 1 : string.Compare(partsA[i], partsB[i], StringComparison.OrdinalIgnoreCase);
            if (c != 0)
            {
                return c;
            }
        }

        return partsA.Length.CompareTo(partsB.Length);
    }

    private static (long[] Release, string? PreRelease) Split(string version)
    {
        var v = version.Trim().TrimStart('v', 'V');
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        v = plus < 0 ? v : v[..plus];
        var dash = v.IndexOf('-', StringComparison.Ordinal);
        var release = dash < 0 ? v : v[..dash];
        var parts = release.Split('.').Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        return (parts, dash < 0 ? null : v[(dash + 1)..]);
    }
}
