using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Evaluation;

/// <summary>
/// The model requests recorded in a cache directory, read once on the first read-only miss, to name the nearest
/// recording and where the new request departs from it.
/// </summary>
internal sealed class RecordedRequests(string directory)
{
    private readonly Lazy<List<(string Path, string Endpoint, JsonNode? Request)>> _entries = new(() => Load(directory));

    public (string Path, JsonNode? Request)? Nearest(string endpoint, JsonNode? request)
    {
        var best = _entries.Value.Where(e => e.Endpoint == endpoint)
            .OrderByDescending(e => RequestDifference.CommonPrefix(e.Request, request))
            .FirstOrDefault();
        return best.Path is null ? null : (best.Path, best.Request);
    }

    private static List<(string, string, JsonNode?)> Load(string directory)
    {
        var entries = new List<(string, string, JsonNode?)>();
        if (!Directory.Exists(directory))
        {
            return entries;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories))
        {
            if (StateFileLimits.TooLarge(file, StateFileLimits.CacheEntryBytes, "a cache entry") is not null)
            {
                continue;
            }

            try
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is JsonObject { } entry && entry["request"] is JsonObject { } material
                    && material["kind"]?.GetValue<string>() == "model")
                {
                    entries.Add((file, material["endpoint"]?.GetValue<string>() ?? string.Empty, material["request"]));
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                // An unreadable entry is reported when its own request needs it; here it is only not a candidate.
            }
        }

        return entries;
    }
}
