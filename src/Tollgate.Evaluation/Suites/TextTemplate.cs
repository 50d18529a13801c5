using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tollgate.Evaluation;

/// <summary>
/// A <c>{{ var }}</c> template used in HTTP bodies, headers and assertion values. <c>{{ var | json }}</c> inserts the
/// value as a JSON string literal (quotes and escapes included), so a body template stays valid JSON for any input.
/// </summary>
public sealed partial class TextTemplate
{
    private readonly string _text;

    /// <summary>Parses a template.</summary>
    public TextTemplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        Variables = [.. Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The variable names the template uses.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Renders the template; a variable missing from <paramref name="vars"/> renders empty.</summary>
    public string Render(IReadOnlyDictionary<string, string> vars)
    {
        ArgumentNullException.ThrowIfNull(vars);
        if (Variables.Count == 0)
        {
            return _text;
        }

        return Placeholder().Replace(_text, m =>
        {
            var value = vars.TryGetValue(m.Groups["name"].Value, out var v) ? v : string.Empty;
            return m.Groups["filter"].Value == "json" ? JsonSerializer.Serialize(value) : value;
        });
    }

    /// <summary>Renders <paramref name="text"/> with <paramref name="vars"/>.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> vars) => new TextTemplate(text).Render(vars);

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_.]*)\s*(\|\s*(?<filter>[a-z]+)\s*)?\}\}")]
    private static partial Regex Placeholder();
}
