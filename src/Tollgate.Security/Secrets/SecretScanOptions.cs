namespace Tollgate.Security.Secrets;

/// <summary>What the secret scanners read.</summary>
/// <param name="RootDirectory">The repository root; findings name files relative to it.</param>
public sealed record SecretScanOptions(string RootDirectory)
{
    /// <summary>Globs (relative to the root) of files not to scan.</summary>
    public IReadOnlyList<string> ExcludeGlobs { get; init; } = [];

    /// <summary>Files larger than this are skipped (default 10 MB).</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The commit range whose added lines the history scanner reads (default <c>HEAD</c>: all of the current branch's history).</summary>
    public string HistoryRange { get; init; } = "HEAD";
}
