using System.Text;
using System.Text.Json;

namespace Tollgate.Evaluation.Prompts;

/// <summary>
/// Tollgate's one template grammar, for prompt files (Lint), suite prompts, HTTP bodies and headers and assertion values:
/// text with <c>{{ identifier }}</c> placeholders (spaces inside the braces optional) and one filter,
/// <c>{{ identifier | json }}</c>, which inserts the value as a JSON string literal (quotes and escapes included) so a
/// body stays valid JSON for any input. No logic and no nested paths; a <c>}}</c> outside a placeholder is text (JSON
/// closes objects with it). Every used variable needs a value. <see cref="Parse"/> never throws; syntax problems are
/// in <see cref="Errors"/>, and <see cref="Render"/> refuses a template that has any.
/// </summary>
public sealed class PromptTemplate
{
    private const string JsonFilter = "json";
    private readonly IReadOnlyList<Segment> _segments;

    private PromptTemplate(string text, IReadOnlyList<Segment> segments, IReadOnlyList<PromptVariableUsage> usages, IReadOnlyList<PromptTemplateError> errors)
    {
        Text = text;
        _segments = segments;
        Usages = usages;
        Errors = errors;
    }

    /// <summary>The template's text.</summary>
    public string Text { get; }

    /// <summary>Every placeholder, in order, with its 1-based line and column within the template.</summary>
    public IReadOnlyList<PromptVariableUsage> Usages { get; }

    /// <summary>The distinct variable names used, in order of first use.</summary>
    public IReadOnlyList<string> Variables => [.. Usages.Select(u => u.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>Syntax errors: unclosed, empty or invalid placeholders and unknown filters.</summary>
    public IReadOnlyList<PromptTemplateError> Errors { get; }

    /// <summary>Parses a template.</summary>
    public static PromptTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<Segment>();
        var usages = new List<PromptVariableUsage>();
        var errors = new List<PromptTemplateError>();
        var literal = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(text, position, text.Length - position);
                break;
            }

            literal.Append(text, position, open - position);
            var end = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var newline = text.IndexOf('\n', open + 2);
            var (openLine, openColumn) = LineAndColumn(text, open);
            if (end < 0 || (newline >= 0 && newline < end))
            {
                errors.Add(new PromptTemplateError("'{{' is never closed on its line. Close the placeholder with '}}' (placeholders cannot span lines).", openLine, openColumn));
                literal.Append("{{");
                position = open + 2;
                continue;
            }

            var raw = text[open..(end + 2)];
            var inner = text[(open + 2)..end];
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var name = (bar < 0 ? inner : inner[..bar]).Trim();
            var filter = bar < 0 ? null : inner[(bar + 1)..].Trim();
            if (name.Length == 0)
            {
                errors.Add(new PromptTemplateError($"Empty placeholder '{raw}'. Put a variable name inside, e.g. '{{{{ question }}}}'.", openLine, openColumn));
            }
            else if (!IsIdentifier(name))
            {
                errors.Add(new PromptTemplateError(
                    $"Invalid placeholder '{raw}': only '{{{{ identifier }}}}' and '{{{{ identifier | json }}}}' are allowed (letters, digits, '_'; no logic or paths).",
                    openLine,
                    openColumn));
            }
            else if (filter is not null && filter != JsonFilter)
            {
                errors.Add(new PromptTemplateError(
                    $"Unknown filter '{filter}' in '{raw}': the only filter is 'json' ('{{{{ {name} | json }}}}' inserts the value as a JSON string).",
                    openLine,
                    openColumn));
            }
            else
            {
                if (literal.Length > 0)
                {
                    segments.Add(new Segment(literal.ToString(), IsVariable: false, Filter: null));
                    literal.Clear();
                }

                segments.Add(new Segment(name, IsVariable: true, filter));
                usages.Add(new PromptVariableUsage(name, openLine, openColumn) { Filter = filter });
            }

            position = end + 2;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), IsVariable: false, Filter: null));
        }

        return new PromptTemplate(text, segments, usages, errors);
    }

    /// <summary>Fills the placeholders with values.</summary>
    /// <param name="variables">The values by variable name.</param>
    /// <param name="origin">Where the template came from, for messages (a file path).</param>
    /// <exception cref="PromptTemplateException">The template has syntax errors or a used variable has no value.</exception>
    public string Render(IReadOnlyDictionary<string, string> variables, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var where = origin is null ? "the template" : origin;
        if (Errors.Count > 0)
        {
            var first = Errors[0];
            throw new PromptTemplateException($"Cannot render {where}: line {first.Line}, column {first.Column}: {first.Message}");
        }

        var missing = Usages.Where(u => !variables.ContainsKey(u.Name)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(u => u.Name).Distinct(StringComparer.Ordinal));
            var at = missing[0];
            throw new PromptTemplateException(
                $"Cannot render {where}: no value for variable(s) {names} (first used at line {at.Line}, column {at.Column}). " +
                $"Pass a value for each; given: {(variables.Count == 0 ? "none" : string.Join(", ", variables.Keys.Order(StringComparer.Ordinal)))}.");
        }

        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            builder.Append(!segment.IsVariable ? segment.Text : segment.Filter == JsonFilter ? JsonSerializer.Serialize(variables[segment.Text]) : variables[segment.Text]);
        }

        return builder.ToString();
    }

    private static bool IsIdentifier(string name) =>
        (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private sealed record Segment(string Text, bool IsVariable, string? Filter);
}

/// <summary>A placeholder in a template.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Line">The 1-based line within the template.</param>
/// <param name="Column">The 1-based column of the opening <c>{{</c>.</param>
public sealed record PromptVariableUsage(string Name, int Line, int Column)
{
    /// <summary>The filter applied to the value (<c>json</c>), or null.</summary>
    public string? Filter { get; init; }
}

/// <summary>A syntax error in a template.</summary>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">The 1-based line within the template.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record PromptTemplateError(string Message, int Line, int Column);
