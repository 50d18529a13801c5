using System.Text.RegularExpressions;

namespace ResearchAssistant.Prompts;

/// <summary>
/// One version of a prompt: system and user templates with <c>{{ variable }}</c> placeholders, the declared
/// variables and the model settings. Templates have no logic: a placeholder is replaced by its value, nothing else.
/// </summary>
public sealed partial record PromptTemplate(
    string Name,
    string Version,
    string Description,
    PromptModelSettings Model,
    IReadOnlyList<string> Variables,
    string System,
    string User,
    string SourcePath)
{
    /// <summary>The identifiers used in placeholders of the system and user templates, in order of first use.</summary>
    public IReadOnlyList<string> UsedVariables() =>
        Placeholder().Matches(System + "\n" + User).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Renders both templates. Every declared variable needs a value.</summary>
    public RenderedPrompt Render(IReadOnlyDictionary<string, string> values)
    {
        var missing = Variables.Where(v => !values.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new ResearchAssistantException(
                $"{SourcePath}: prompt '{Name}' {Version} declares {string.Join(", ", missing)} but the service has no value " +
                $"for it. Variables the service provides: {string.Join(", ", values.Keys.Order(StringComparer.Ordinal))}.");
        }

        // YAML block scalars end with a newline; the messages sent carry no trailing whitespace.
        return new RenderedPrompt(Fill(System, values).TrimEnd(), Fill(User, values).TrimEnd());
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values[m.Groups["name"].Value]);

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    internal static partial Regex Placeholder();
}
