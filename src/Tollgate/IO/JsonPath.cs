using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Tollgate;

/// <summary>
/// The JSON path subset that reads values out of a JSON answer (an evaluated endpoint's response, a web metric):
/// <c>$</c>, then <c>.name</c>, <c>['name']</c>, <c>[index]</c> and <c>[*]</c> steps, e.g. <c>$.answer</c>,
/// <c>$['odd key']</c>, <c>$.data.errors[0].rate</c> or <c>$.retrieved[*].id</c>. Filters, slices and recursive
/// descent are not supported; a path using them is rejected when it is read, with where and what was expected.
/// </summary>
internal sealed class JsonPath
{
    private const string Syntax = "A path is $ followed by .name, ['name'], [0] or [*] steps, e.g. $.answer, $.data.errors[0].rate or $.retrieved[*].id";

    private readonly ImmutableArray<Step> _steps;

    private JsonPath(string text, ImmutableArray<Step> steps)
    {
        Text = text;
        _steps = steps;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Reads a path.</summary>
    /// <exception cref="TollgateException">The path is not in the supported subset; the message shows where and how to write it.</exception>
    public static JsonPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new TollgateException(error);

    /// <summary>Reads a path, or says what is wrong with it: the character, what was expected there and the syntax.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out JsonPath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = null;
        if (!text.StartsWith('$'))
        {
            error = Expected(text, 0, "'$' (every path must start with '$')");
            return false;
        }

        var steps = ImmutableArray.CreateBuilder<Step>();
        var i = 1;
        while (i < text.Length)
        {
            var (step, next, problem) = text[i] switch
            {
                '.' => ReadName(text, i),
                '[' => ReadBracket(text, i),
                _ => (null, i, Expected(text, i, "'.' or '['")),
            };
            if (step is null)
            {
                error = problem!;
                return false;
            }

            steps.Add(step);
            i = next;
        }

        path = new JsonPath(text, steps.ToImmutable());
        error = null;
        return true;
    }

    /// <summary>The elements the path selects, in document order; empty when a step finds nothing.</summary>
    public IReadOnlyList<JsonElement> Select(JsonElement root)
    {
        IEnumerable<JsonElement> current = [root];
        foreach (var step in _steps)
        {
            current = current.SelectMany(step.Apply);
        }

        return [.. current];
    }

    /// <summary>The selected values as strings (a string's text, otherwise its raw JSON).</summary>
    public IReadOnlyList<string> SelectStrings(JsonElement root) =>
        [.. Select(root).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())];

    /// <inheritdoc />
    public override string ToString() => Text;

    private static (Step? Step, int Next, string? Problem) ReadName(string text, int dot)
    {
        var end = text.IndexOfAny(['.', '['], dot + 1);
        end = end < 0 ? text.Length : end;
        return end == dot + 1
            ? (null, dot, Expected(text, dot, "a name after '.'"))
            : (new NameStep(text[(dot + 1)..end]), end, null);
    }

    private static (Step? Step, int Next, string? Problem) ReadBracket(string text, int open)
    {
        var close = text.IndexOf(']', open);
        if (close < 0)
        {
            return (null, open, Expected(text, open, "a closing ']'"));
        }

        var inner = text[(open + 1)..close].Trim();
        Step? step = inner switch
        {
            "*" => new WildcardStep(),
            [var quote, .., var last] when quote is '\'' or '"' && last == quote => new NameStep(inner[1..^1]),
            _ when int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index) => new IndexStep(index),
            _ => null,
        };
        return step is null
            ? (null, open, Expected(text, open, "an index [0] or a quoted name ['name'] or [*] (filters and slices are not supported)"))
            : (step, close + 1, null);
    }

    private static string Expected(string text, int position, string expected) =>
        $"JSON path '{text}': at character {position + 1} expected {expected}. {Syntax}";

    private abstract record Step
    {
        public abstract IEnumerable<JsonElement> Apply(JsonElement element);
    }

    private sealed record NameStep(string Name) : Step
    {
        public override IEnumerable<JsonElement> Apply(JsonElement element) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(Name, out var child) ? [child] : [];
    }

    private sealed record IndexStep(int Index) : Step
    {
        public override IEnumerable<JsonElement> Apply(JsonElement element) =>
            element.ValueKind == JsonValueKind.Array && Index < element.GetArrayLength() ? [element[Index]] : [];
    }

    private sealed record WildcardStep : Step
    {
        public override IEnumerable<JsonElement> Apply(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray(),
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            _ => [],
        };
    }
}
