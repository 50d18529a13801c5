using System.Text;

namespace Tollgate.Evaluation.Prompts;

/// <summary>
/// A prompt template: text with <c>{{ identifier }}</c> placeholders (spaces inside the braces optional) and nothing
/// else: no logic, filters or nested paths. <see cref="Parse"/> never throws; syntax problems are in
/// <see cref="Errors"/>, and <see cref="Render"/> refuses a template that has any.
/// </summary>
public sealed class PromptTemplate
{
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

    /// <summary>Syntax errors: unbalanced, empty or invalid placeholders.</summary>
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
            var close = text.IndexOf("}}", position, StringComparison.Ordinal);
            if (close >= 0 && (open < 0 || close < open))
            {
                var (line, column) = LineAndColumn(text, close);
                errors.Add(new PromptTemplateError("'}}' without a matching '{{'. Remove it or open the placeholder with '{{'.", line, column));
                literal.Append(text, position, close + 2 - position);
                position = close + 2;
                continue;
            }

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
            var name = text[(open + 2)..end].Trim();
            if (name.Length == 0)
            {
                errors.Add(new PromptTemplateError($"Empty placeholder '{raw}'. Put a variable name inside, e.g. '{{{{ question }}}}'.", openLine, openColumn));
            }
            else if (!IsIdentifier(name))
            {
                errors.Add(new PromptTemplateError(
                    $"Invalid placeholder '{raw}': only '{{{{ identifier }}}}' is allowed (letters, digits, '_'; no logic, filters or paths).",
                    openLine,
                    openColumn));
            }
            else
            {
                if (literal.Length > 0)
                {
                    segments.Add(new Segment(literal.ToString(), IsVariable: false));
                    literal.Clear();
                }

                segments.Add(new Segment(name, IsVariable: true));
                usages.Add(new PromptVariableUsage(name, openLine, openColumn));
            }

            position = end + 2;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), IsVariable: false));
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
            builder.Append(segment.IsVariable ? variables[segment.Text] : segment.Text);
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

    private sealed record Segment(string Text, bool IsVariable);
}

/// <summary>A placeholder in a template.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Line">The 1-based line within the template.</param>
/// <param name="Column">The 1-based column of the opening <c>{{</c>.</param>
public sealed record PromptVariableUsage(string Name, int Line, int Column);

/// <summary>A syntax error in a template.</summary>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">The 1-based line within the template.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record PromptTemplateError(string Message, int Line, int Column);
