using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Evaluation;

/// <summary>
/// A JSONL file: an identity line, then one finished case per line. A run appends to it as cases finish; a later run
/// resumes from it only when its identity (suite content, cases, provider settings, service fingerprint) is the same,
/// otherwise it starts afresh. Lines are masked before they are encoded. A torn last line (the run was killed mid-write)
/// is ignored; a damaged line before it is an error naming the file, the line and the fix.
/// </summary>
internal sealed class ResumeLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly SecretMasker? _masker;
    private readonly Lock _gate = new();

    private ResumeLog(StreamWriter writer, IReadOnlyDictionary<string, CaseResult> completed, SecretMasker? masker, bool discarded)
    {
        _writer = writer;
        _masker = masker;
        Completed = completed;
        DiscardedOtherRun = discarded;
    }

    /// <summary>Cases finished by an interrupted run with the same identity.</summary>
    public IReadOnlyDictionary<string, CaseResult> Completed { get; }

    /// <summary>Whether the file held the progress of a run with another identity, which was discarded.</summary>
    public bool DiscardedOtherRun { get; }

    /// <summary>Opens (or creates) the log at <paramref name="path"/> for a run with <paramref name="identity"/>.</summary>
    public static ResumeLog Open(string path, string identity = "", SecretMasker? masker = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (completed, sameRun) = File.Exists(path) ? Read(path, identity) : ([], false);
        var discarded = File.Exists(path) && !sameRun && new FileInfo(path).Length > 0;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var stream = new FileStream(path, sameRun ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
        var writer = new StreamWriter(stream) { AutoFlush = true };
        if (!sameRun)
        {
            writer.WriteLine(new JsonObject { ["identity"] = identity }.ToJsonString());
        }

        return new ResumeLog(writer, sameRun ? completed : new Dictionary<string, CaseResult>(StringComparer.Ordinal), masker, discarded);
    }

    /// <summary>Records a finished case.</summary>
    public void Append(CaseResult result)
    {
        var line = JsonMasking.Mask(JsonSerializer.SerializeToNode(result), _masker)!.ToJsonString();
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static (Dictionary<string, CaseResult> Completed, bool SameRun) Read(string path, string identity)
    {
        var completed = new Dictionary<string, CaseResult>(StringComparer.Ordinal);
        if (StateFileLimits.TooLarge(path, StateFileLimits.ProgressBytes, "a progress file") is { } tooLarge)
        {
            throw new TollgateException($"{path}:1: {tooLarge}; delete the file to start the run afresh");
        }

        var lines = File.ReadAllLines(path);
        // Tollgate writes the identity line as soon as it opens the file, so an empty file or a damaged first line was not
        // written by an interrupted run: it is reported rather than silently replaced.
        var recorded = lines.Length == 0
            ? throw new TollgateException($"{path}:1: the progress file is empty, expected its first line to be {{\"identity\": \"...\"}}; delete the file to start the run afresh")
            : Identity(lines[0]) ?? throw new TollgateException($"{path}:1: expected the run's identity ({{\"identity\": \"...\"}}), found '{Excerpt(lines[0])}'; delete the file to start the run afresh");
        if (recorded != identity)
        {
            return (completed, false);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            try
            {
                if (JsonSerializer.Deserialize<CaseResult>(lines[i]) is { Id: not null } result)
                {
                    completed[result.Id] = result;
                    continue;
                }
            }
            catch (JsonException) when (i == lines.Length - 1)
            {
                // The line the interrupted run was writing.
                continue;
            }
            catch (JsonException e)
            {
                throw new TollgateException($"{path}:{i + 1}: the progress of the interrupted run is damaged ({e.Message}); delete the file to start the run afresh", e);
            }

            throw new TollgateException($"{path}:{i + 1}: expected a finished case (an object with Id), found {Excerpt(lines[i])}; delete the file to start the run afresh");
        }

        return (completed, true);
    }

    private static string Excerpt(string line) =>
        new([.. line.Take(40).Select(c => char.IsControl(c) || c == '\uFFFD' ? '?' : c)]);

    private static string? Identity(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject header && header["identity"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
