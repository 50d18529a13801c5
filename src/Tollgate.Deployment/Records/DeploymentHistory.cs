using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Deployment.Records;

/// <summary>
/// The append-only deployment history: one JSON object per line (JSON Lines), so an append never rewrites earlier
/// records and a line torn by a crash loses only itself. Keep it where the team shares it (an artifact, a branch, a
/// bucket); the report reads whatever file it is given.
/// </summary>
/// <param name="path">The history file (created with its folder on the first append).</param>
public sealed class DeploymentHistory(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The history file.</summary>
    public string Path { get; } = path;

    /// <summary>Appends one record: one line, written under an exclusive lock on the file (other writers, other processes too, wait).</summary>
    public async Task AppendAsync(DeploymentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json) + "\n");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.None);
                await using (stream.ConfigureAwait(false))
                {
                    await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
            catch (IOException) when (attempt < 200)
            {
                // Another run holds the file for its append; appends are short.
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Every record, oldest first; an unreadable line (e.g. torn by a crash) is skipped and reported.</summary>
    public IReadOnlyList<DeploymentRecord> ReadAll(Action<string>? onSkippedLine = null)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var records = new List<DeploymentRecord>();
        var number = 0;
        foreach (var line in File.ReadLines(Path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                records.Add(JsonSerializer.Deserialize<DeploymentRecord>(line, Json) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                onSkippedLine?.Invoke($"{Path}:{number}: skipped an unreadable record ({e.Message})");
            }
        }

        return records.OrderBy(r => r.StartedAt).ToList();
    }
}
