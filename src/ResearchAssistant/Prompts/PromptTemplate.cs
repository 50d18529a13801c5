using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace ResearchAssistant.Prompts;

/// <summary>
/// One version of a prompt: system and user templates with <c>{{ variable }}</c> placeholders, the declared
/// variables and the model settings. Templates have no logic: a placeholder is replaced by its value, nothing else; Semantic Kernel renders them.
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

    /// <summary>
    /// The Semantic Kernel prompt function of this version: a chat prompt (system and user message) in Semantic Kernel's
    /// template format, <c>{{ name }}</c> becoming <c>{{$name}}</c>, every declared variable a required input. Literal text
    /// is XML-encoded as Semantic Kernel encodes argument values, so the parsed messages equal the file's text.
    /// </summary>
    public KernelFunction ToKernelFunction()
    {
        var template = $"<message role=\"system\">{ToKernelSyntax(System)}</message>\n<message role=\"user\">{ToKernelSyntax(User)}</message>";
        var config = new PromptTemplateConfig(template)
        {
            Name = Name,
            Description = Description,
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
            InputVariables = [.. Variables.Select(variable => new InputVariable { Name = variable, IsRequired = true })],
        };
        return KernelFunctionFactory.CreateFromPrompt(config);
    }

    // YAML block scalars end with a newline; the messages sent carry no trailing whitespace.
    private static string ToKernelSyntax(string template)
    {
        var text = new StringBuilder();
        var last = 0;
        template = template.TrimEnd();
        foreach (Match placeholder in Placeholder().Matches(template))
        {
            text.Append(WebUtility.HtmlEncode(template[last..placeholder.Index]));
            text.Append("{{$").Append(placeholder.Groups["name"].Value).Append("}}");
            last = placeholder.Index + placeholder.Length;
        }

        return text.Append(WebUtility.HtmlEncode(template[last..])).ToString();
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    internal static partial Regex Placeholder();
}
