using System.Text.Json.Nodes;

namespace Tollgate.Evaluation;

/// <summary>
/// Finds where two model requests first differ (<c>messages[1].content at character 412: recorded "…", now "…"</c>),
/// so a read-only miss says what changed: the prompt, a retrieved passage or a parameter.
/// </summary>
internal static class RequestDifference
{
    private const int Excerpt = 40;

    /// <summary>The first difference in document order, or <see langword="null"/> when the two are equal.</summary>
    public static string? First(JsonNode? recorded, JsonNode? now, string path = "")
    {
        switch (recorded, now)
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    if (!a.ContainsKey(name))
                    {
                        return $"{child}: not in the recording, now {Show(b[name])}";
                    }

                    if (!b.ContainsKey(name))
                    {
                        return $"{child}: recorded {Show(a[name])}, now absent";
                    }

                    if (First(a[name], b[name], child) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    if (i >= a.Count || i >= b.Count)
                    {
                        return $"{path}: recorded {a.Count} items, now {b.Count}";
                    }

                    if (First(a[i], b[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonValue a, JsonValue b) when a.TryGetValue<string>(out var x) && b.TryGetValue<string>(out var y):
                return x == y ? null : Strings(path, x, y);
            default:
                var left = recorded?.ToJsonString();
                var right = now?.ToJsonString();
                return left == right ? null : $"{path}: recorded {left ?? "null"}, now {right ?? "null"}";
        }
    }

    /// <summary>How many leading properties and characters two requests share: a larger score is a nearer recording.</summary>
    public static int CommonPrefix(JsonNode? recorded, JsonNode? now) =>
        CommonPrefixLength(recorded?.ToJsonString() ?? string.Empty, now?.ToJsonString() ?? string.Empty);

    private static string Strings(string path, string recorded, string now)
    {
        var at = CommonPrefixLength(recorded, now);
        var from = Math.Max(0, at - 10);
        return $"{path} at character {at}: recorded \"{Cut(recorded, from)}\", now \"{Cut(now, from)}\"";
    }

    private static int CommonPrefixLength(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static string Cut(string text, int from) =>
        (from > 0 ? "…" : string.Empty) + (text.Length - from > Excerpt ? string.Concat(text.AsSpan(from, Excerpt), "…") : text[from..]);

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > Excerpt ? text[..Excerpt] + "…" : text;
    }
}
