using System.Text.Json;

namespace Tollgate.Evaluation;

/// <summary>
/// A JSONL file with one finished case per line. A run appends to it as cases finish; a resumed run reads it and skips
/// those cases. A torn last line (the run was killed mid-write) is ignored.
/// </summary>
public sealed class ResumeLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    private ResumeLog(StreamWriter writer, IReadOnlyDictionary<string, CaseResult> completed)
    {
        _writer = writer;
        Completed = completed;
    }

    /// <summary>Cases finished by earlier runs.</summary>
    public IReadOnlyDictionary<string, CaseResult> Completed { get; }

    /// <summary>Opens (or creates) the log at <paramref name="path"/>.</summary>
    public static ResumeLog Open(string path)
    {
        var completed = new Dictionary<string, CaseResult>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                try
                {
                    if (JsonSerializer.Deserialize<CaseResult>(line) is { } result)
                    {
                        completed[result.Id] = result;
                    }
                }
                catch (JsonException)
                {
                    // The line the interrupted run was writing.
                }
            }
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        Directory.CreateDirectory(directory!);
        var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        return new ResumeLog(writer, completed);
    }

    /// <summary>Records a finished case.</summary>
    public void Append(CaseResult result)
    {
        var line = JsonSerializer.Serialize(result);
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
