namespace Tollgate.Evaluation;

/// <summary>
/// A cache entry cannot be read (not JSON, wrong shape, a field of the wrong type). It fails the request that needed it
/// instead of being treated as a miss: a silent miss would drop a case in read-only mode or overwrite a tracked file.
/// </summary>
public sealed class CacheEntryException : TollgateException
{
    /// <summary>Creates an exception.</summary>
    public CacheEntryException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public CacheEntryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public CacheEntryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    private const string Marker = ": unreadable cache entry: ";

    /// <summary>The exception for the entry at <paramref name="path"/>: what is wrong, where, and the fix.</summary>
    public static CacheEntryException For(string path, string problem, long? line = null) =>
        new($"{path}{(line is null ? string.Empty : $":{line}")}{Marker}{problem}; delete the file (or run with --eval-cache-mode refresh) to record it again");

    /// <summary>
    /// Whether a case's error text (which may have passed through the model proxy and the service) reports an unreadable
    /// cache entry: a damaged file, not a quality problem, so it fails the run whatever the gates say.
    /// </summary>
    public static bool Describes(string? error) => error?.Contains(Marker, StringComparison.Ordinal) == true;
}
