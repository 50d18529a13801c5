using System.Globalization;

namespace Tollgate.Security.Dependencies;

/// <summary>
/// Compares Debian package versions as dpkg does: <c>[epoch:]upstream[-revision]</c>, the epoch numerically, then the
/// upstream version and the revision each in alternating non-digit and digit runs. In non-digit runs letters sort
/// before other characters and <c>~</c> before everything, even the end of the string (so <c>1.0~rc1</c> &lt;
/// <c>1.0</c> and <c>3.0.11-1~deb12u2</c> &lt; <c>3.0.11-1</c>); digit runs compare as numbers.
/// </summary>
internal static class DebianVersion
{
    /// <summary>Negative when <paramref name="a"/> is lower, 0 when equal, positive when higher.</summary>
    public static int Compare(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (epochA, upstreamA, revisionA) = Split(a.Trim());
        var (epochB, upstreamB, revisionB) = Split(b.Trim());
        var c = epochA.CompareTo(epochB);
        if (c != 0)
        {
            return c;
        }

        c = CompareParts(upstreamA, upstreamB);
        return c != 0 ? c : CompareParts(revisionA, revisionB);
    }

    private static (long Epoch, string Upstream, string Revision) Split(string version)
    {
        var colon = version.IndexOf(':', StringComparison.Ordinal);
        var epoch = colon > 0 && long.TryParse(version.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : 0;
        var rest = colon >= 0 ? version[(colon + 1)..] : version;
        var dash = rest.LastIndexOf('-');
        return dash < 0 ? (epoch, rest, string.Empty) : (epoch, rest[..dash], rest[(dash + 1)..]);
    }

    // dpkg's verrevcmp.
    private static int CompareParts(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var orderA = Order(a, i);
                var orderB = Order(b, j);
                if (orderA != orderB)
                {
                    return orderA - orderB;
                }

                i++;
                j++;
            }

            while (i < a.Length && a[i] == '0')
            {
                i++;
            }

            while (j < b.Length && b[j] == '0')
            {
                j++;
            }

            var firstDifference = 0;
            while (i < a.Length && char.IsAsciiDigit(a[i]) && j < b.Length && char.IsAsciiDigit(b[j]))
            {
                if (firstDifference == 0)
                {
                    firstDifference = a[i] - b[j];
                }

                i++;
                j++;
            }

            if (i < a.Length && char.IsAsciiDigit(a[i]))
            {
                return 1;
            }

            if (j < b.Length && char.IsAsciiDigit(b[j]))
            {
                return -1;
            }

            if (firstDifference != 0)
            {
                return firstDifference;
            }
        }

        return 0;
    }

    // The sort weight of a character in a non-digit run: ~ lowest, then the end of the string (and digits), letters, others.
    private static int Order(string s, int index)
    {
        if (index >= s.Length || char.IsAsciiDigit(s[index]))
        {
            return 0;
        }

        var c = s[index];
        return c == '~' ? -1 : char.IsAsciiLetter(c) ? c : c + 256;
    }
}
