using System.Globalization;

namespace Tollgate.Evaluation;

/// <summary>
/// The largest state files the stage reads whole: a bigger one is a wrong path or a damaged file, and reading it would
/// end in an out-of-memory error instead of a message naming it.
/// </summary>
internal static class StateFileLimits
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>A baseline (about 1 KB a case: 64 MB is some 60,000 cases).</summary>
    public const long BaselineBytes = 64 * Megabyte;

    /// <summary>One recorded exchange (the proxy accepts requests up to 64 MB).</summary>
    public const long CacheEntryBytes = 64 * Megabyte;

    /// <summary>The progress file of an interrupted run (one finished case a line, with its outputs).</summary>
    public const long ProgressBytes = 256 * Megabyte;

    /// <summary>"the file is 70 MB, larger than the 64 MB a {kind} may have" when <paramref name="path"/> is over <paramref name="limit"/>, else null.</summary>
    public static string? TooLarge(string path, long limit, string kind)
    {
        var length = new FileInfo(path).Length;
        return length <= limit
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the file is {length / (double)Megabyte:0.#} MB, larger than the {limit / Megabyte} MB {kind} may have");
    }
}
