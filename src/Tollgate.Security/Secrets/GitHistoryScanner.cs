using System.Text;

namespace Tollgate.Security.Secrets;

/// <summary>
/// Scans the lines added in a range of commits (<c>git log -p -U0</c>) for secrets: a key committed and later removed
/// is still in the history and still has to be rotated. Each secret is reported once, at the oldest commit that added
/// it (<c>git log</c> lists newest first, so later entries replace earlier ones).
/// </summary>
/// <param name="options">The repository and <see cref="SecretScanOptions.HistoryRange"/>.</param>
/// <param name="engine">The rules (default: the built-in ones).</param>
public sealed class GitHistoryScanner(SecretScanOptions options, SecretEngine? engine = null) : IScanner
{
    private const string CommitMarker = "\u0001commit ";
    private readonly SecretEngine engine = engine ?? new SecretEngine();

    /// <inheritdoc />
    public string Id => "secret-history";

    /// <inheritdoc />
    public async Task<ScannerResult> ScanAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(options.RootDirectory);
        if (!await Git.IsRepositoryAsync(root, cancellationToken).ConfigureAwait(false))
        {
            return ScannerResult.NotRun(Id, $"{root} is not a git work tree (or git is not installed), so there is no history to scan. Run it in a clone, or leave --scan-history off.");
        }

        var log = await Git.RunAsync(root, ["log", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--format=%x01commit %H", options.HistoryRange, "--"], cancellationToken).ConfigureAwait(false);
        var byFingerprint = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var (commit, path, text, lineNumbers) in AddedLines(log))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var match in engine.Scan(text).Where(m => !SecretFindings.IsOwnFileName(m, path)))
            {
                var located = match with { Line = lineNumbers[match.Line - 1] };
                var finding = SecretFindings.From(Id, located, path, commit);
                byFingerprint[finding.Fingerprint] = finding;
            }
        }

        var commits = log.Split(CommitMarker).Length - 1;
        var findings = byFingerprint.Values.OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ToList();
        return ScannerResult.Ran(Id, [.. engine.Rules.Select(r => r.Descriptor)], findings, commits, $"{commits} commit(s) in {options.HistoryRange}");
    }

    /// <summary>Per commit and file, the added lines joined by newlines, with each one's line number in the new file.</summary>
    internal static IEnumerable<(string Commit, string Path, string Text, List<int> LineNumbers)> AddedLines(string log)
    {
        string? commit = null;
        string? path = null;
        var text = new StringBuilder();
        var numbers = new List<int>();
        var next = 0;
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith(CommitMarker, StringComparison.Ordinal) || line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                if (Flush() is { } done)
                {
                    yield return done;
                }

                if (line.StartsWith(CommitMarker, StringComparison.Ordinal))
                {
                    commit = line[CommitMarker.Length..].Trim();
                }

                path = null;
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                path = NewPath(line[4..].TrimEnd());
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                next = HunkStart(line);
            }
            else if (path is not null && line.StartsWith('+'))
            {
                text.Append(line, 1, line.Length - 1).Append('\n');
                numbers.Add(next++);
            }
        }

        if (Flush() is { } last)
        {
            yield return last;
        }

        (string, string, string, List<int>)? Flush()
        {
            if (commit is null || path is null || numbers.Count == 0)
            {
                text.Clear();
                numbers = [];
                return null;
            }

            var result = (commit, path, text.ToString(), numbers);
            text.Clear();
            numbers = [];
            return result;
        }
    }

    private static string? NewPath(string name)
    {
        if (name == "/dev/null")
        {
            return null;
        }

        var unquoted = name.Length > 1 && name[0] == '"' && name[^1] == '"' ? name[1..^1] : name;
        return unquoted.StartsWith("b/", StringComparison.Ordinal) ? unquoted[2..] : unquoted;
    }

    // "@@ -a,b +c,d @@": added lines start at c.
    private static int HunkStart(string header)
    {
        var plus = header.IndexOf(" +", StringComparison.Ordinal);
        var end = header.IndexOfAny([',', ' '], plus + 2);
        return int.Parse(header.AsSpan(plus + 2, end - plus - 2), System.Globalization.CultureInfo.InvariantCulture);
    }
}
