using System.Globalization;
using System.Text.Json;

namespace Tollgate.Evaluation;

/// <summary>
/// The JSON path subset response mappings need: <c>$</c>, <c>$.a.b</c>, <c>$.a[0]</c>, <c>$.a[*].id</c>.
/// </summary>
public sealed class JsonPath
{
    private readonly IReadOnlyList<string> _segments;

    private JsonPath(string text, IReadOnlyList<string> segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Parses a path, or returns an error message saying what is wrong.</summary>
    public static bool TryParse(string text, out JsonPath? path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = null;
        error = null;
        if (!text.StartsWith('$'))
        {
            error = $"'{text}' is not a JSON path: it must start with '$' (e.g. $.answer or $.retrieved[*].id)";
            return false;
        }

        var segments = new List<string>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = text.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? text.Length : end;
                var name = text[(i + 1)..end];
                if (name.Length == 0)
                {
                    error = $"'{text}' has an empty member name at position {i + 1}";
                    return false;
                }

                segments.Add(name);
                i = end;
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                var index = end < 0 ? string.Empty : text[(i + 1)..end];
                if (end < 0 || (index != "*" && !int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                {
                    error = $"'{text}' has an invalid index at position {i + 1}: use [0] or [*]";
                    return false;
                }

                segments.Add("[" + index + "]");
                i = end + 1;
            }
            else
            {
                error = $"'{text}' has an unexpected '{text[i]}' at position {i + 1}";
                return false;
            }
        }

        path = new JsonPath(text, segments);
        return true;
    }

    /// <summary>Parses a path or throws.</summary>
    public static JsonPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path! : throw new TollgateException(error!);

    /// <summary>The elements the path selects.</summary>
    public IReadOnlyList<JsonElement> Select(JsonElement root)
    {
        IEnumerable<JsonElement> current = [root];
        foreach (var segment in _segments)
        {
            current = segment switch
            {
                "[*]" => current.Where(e => e.ValueKind == JsonValueKind.Array).SelectMany(e => e.EnumerateArray()),
                _ when segment.StartsWith('[') => current
                    .Where(e => e.ValueKind == JsonValueKind.Array)
                    .Select(e => (Array: e, Index: int.Parse(segment[1..^1], CultureInfo.InvariantCulture)))
                    .Where(x => x.Index < x.Array.GetArrayLength())
                    .Select(x => x.Array[x.Index]),
                _ => current
                    .Where(e => e.ValueKind == JsonValueKind.Object)
                    .SelectMany(e => e.TryGetProperty(segment, out var child) ? [child] : Array.Empty<JsonElement>()),
            };
        }

        return [.. current];
    }

    /// <summary>The selected values as strings (a string's text, otherwise its raw JSON).</summary>
    public IReadOnlyList<string> SelectStrings(JsonElement root) =>
        [.. Select(root).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())];
}
