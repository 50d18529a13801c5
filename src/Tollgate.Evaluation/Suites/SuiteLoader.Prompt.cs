using Tollgate.Evaluation.Prompts;
using YamlDotNet.RepresentationModel;

namespace Tollgate.Evaluation;

public static partial class SuiteLoader
{
    /// <summary>
    /// Reads the provider's prompt file (<c>prompts/&lt;name&gt;/&lt;version&gt;.yaml</c>, relative to the suite file)
    /// into its system and user templates; the file's model settings apply where the suite sets none. A template
    /// variable the prompt file does not declare is an error naming the file and line.
    /// </summary>
    private static ProviderSpec ResolvePromptFile(ProviderSpec spec, YamlReader reader, YamlNode? node, bool temperatureSet, bool maxTokensSet)
    {
        if (spec.PromptFile is null || spec.User is not null)
        {
            return spec;
        }

        var path = node is null ? spec.PromptFile : Referenced(reader, node, "provider.prompt", spec.PromptFile);
        if (!File.Exists(path))
        {
            throw new SuiteException(spec.Location, "provider.prompt", $"the prompt file '{path}' does not exist; prompt files live at prompts/<name>/<version>.yaml");
        }

        var parsed = PromptFileParser.ParseText(ReadText(path, "provider.prompt"), path);
        var problem = parsed.Problems.FirstOrDefault(p => p.Severity == LogLevel.Error);
        if (problem is not null || parsed.File is null)
        {
            throw new SuiteException(spec.Location, "provider.prompt", $"the prompt file is invalid: {problem?.ToString() ?? path}");
        }

        var prompt = parsed.File;
        if (string.IsNullOrWhiteSpace(prompt.User))
        {
            // Without it every case would send the same system message and the cases' variables would reach no model.
            var line = prompt.Locations.LineOf("user") ?? 1;
            throw new SuiteException(new SourceLocation(path, line, 1), "user",
                $"the prompt file has no 'user' part (the message sent for each case); add one that uses the declared variables, for example user: \"{{{{{(prompt.Variables.Count > 0 ? prompt.Variables[0] : "question")}}}}}\"");
        }

        foreach (var template in new[] { prompt.SystemTemplate, prompt.UserTemplate })
        {
            var undeclared = template?.Usages.FirstOrDefault(u => !prompt.Variables.Contains(u.Name, StringComparer.Ordinal));
            if (undeclared is not null)
            {
                var suggestion = NameSuggestions.Closest(undeclared.Name, prompt.Variables);
                throw new SuiteException(new SourceLocation(path, undeclared.Line, undeclared.Column), "variables",
                    $"template variable '{undeclared.Name}' is not declared in 'variables' ({string.Join(", ", prompt.Variables)})"
                    + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
            }
        }

        return spec with
        {
            System = prompt.System,
            User = prompt.User,
            Temperature = temperatureSet ? spec.Temperature : prompt.Model.Temperature ?? spec.Temperature,
            MaxTokens = maxTokensSet ? spec.MaxTokens : prompt.Model.MaxTokens ?? spec.MaxTokens,
            Model = spec.Model ?? prompt.Model.Model,
        };
    }
}
