using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>
/// The JSON path subset a web metric needs: <c>$</c>, then <c>.name</c>, <c>['name']</c> and <c>[index]</c> steps
/// (e.g. <c>$.data.errors[0].rate</c>). Filters and wildcards are not supported: a metric is one value.
/// </summary>
public sealed class JsonPath
{
    private readonly ImmutableArray<object> _steps;

    private JsonPath(string text, ImmutableArray<object> steps)
    {
        Text = text;
        _steps = steps;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Reads a path.</summary>
    /// <exception cref="TollgateException">The path is not in the supported subset; the message shows where.</exception>
    public static JsonPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith('$'))
        {
            throw Invalid(text, 0, "a path starts with '$'");
        }

        var steps = ImmutableArray.CreateBuilder<object>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != '.' && text[end] != '[')
                {
                    end++;
                }

                if (end == i + 1)
                {
                    throw Invalid(text, i, "a name after '.'");
                }

                steps.Add(text[(i + 1)..end]);
                i = end;
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    throw Invalid(text, i, "a closing ']'");
                }

                var inner = text[(i + 1)..close].Trim();
                if (inner.Length >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[^1] == inner[0])
                {
                    steps.Add(inner[1..^1]);
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(index);
                }
                else
                {
                    throw Invalid(text, i, "an index [0] or a quoted name ['name'] (filters and wildcards are not supported)");
                }

                i = close + 1;
            }
            else
            {
                throw Invalid(text, i, "'.' or '['");
            }
        }

        return new JsonPath(text, steps.ToImmutable());
    }

    /// <summary>The element at the path, or null when a step is missing.</summary>
    public JsonElement? Select(JsonElement root)
    {
        var current = root;
        foreach (var step in _steps)
        {
            if (step is string name && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child))
            {
                current = child;
            }
            else if (step is int index && current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static TollgateException Invalid(string text, int position, string expected) =>
        new($"JSON path '{text}': at character {position + 1} expected {expected}. Example: $.data.errors[0].rate");
}
