using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ResearchAssistant.Prompts;

/// <summary>
/// Reads versioned prompt files <c>prompts/&lt;name&gt;/&lt;version&gt;.yaml</c> and checks them: name and version
/// match the path, templates use only <c>{{ identifier }}</c> placeholders, every used variable is declared and every
/// declared variable is used.
/// </summary>
public sealed class PromptLibrary
{
    private readonly IDeserializer _deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public PromptLibrary(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>The versions available for a prompt name, sorted.</summary>
    public IReadOnlyList<string> Versions(string name)
    {
        var folder = Path.Combine(Directory, name);
        return System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Loads and validates one prompt version.</summary>
    public PromptTemplate Load(string name, string version)
    {
        var path = Path.Combine(Directory, name, version + ".yaml");
        if (!File.Exists(path))
        {
            var available = Versions(name);
            throw new ResearchAssistantException(
                $"Prompt '{name}' version '{version}' not found: '{path}' does not exist. " +
                (available.Count == 0
                    ? $"No versions of '{name}' exist in '{Directory}'."
                    : $"Set PROMPT_VERSION to one of: {string.Join(", ", available)}."));
        }

        PromptFile file;
        try
        {
            file = _deserializer.Deserialize<PromptFile?>(File.ReadAllText(path)) ?? new PromptFile();
        }
        catch (YamlException ex)
        {
            throw new ResearchAssistantException($"{path}:{ex.Start.Line}: invalid prompt YAML: {ex.Message}", ex);
        }

        return Validate(path, name, version, file);
    }

    private static PromptTemplate Validate(string path, string name, string version, PromptFile file)
    {
        Require(path, file.Name == name, $"field 'name' is '{file.Name}', expected '{name}' (the folder name)");
        Require(path, file.Version == version, $"field 'version' is '{file.Version}', expected '{version}' (the file name)");
        Require(path, !string.IsNullOrWhiteSpace(file.System), "field 'system' is missing; write the system prompt");
        Require(path, !string.IsNullOrWhiteSpace(file.User), "field 'user' is missing; write the user message template");

        var template = new PromptTemplate(
            name,
            version,
            file.Description?.Trim() ?? string.Empty,
            new PromptModelSettings(file.Model?.Temperature, file.Model?.MaxTokens),
            file.Variables ?? [],
            file.System!,
            file.User!,
            path);

        var stray = StrayBraces(file.System!) ?? StrayBraces(file.User!);
        Require(path, stray is null, $"'{stray}' is not a placeholder; templates allow only {{{{ identifier }}}} and no logic");

        var used = template.UsedVariables();
        var undeclared = used.Except(template.Variables, StringComparer.Ordinal).ToList();
        Require(path, undeclared.Count == 0, $"uses {string.Join(", ", undeclared)} without declaring it; add it to 'variables'");
        var unused = template.Variables.Except(used, StringComparer.Ordinal).ToList();
        Require(path, unused.Count == 0, $"declares {string.Join(", ", unused)} but never uses it; remove it from 'variables' or use it");
        return template;
    }

    private static string? StrayBraces(string template)
    {
        // Tollgate's one template grammar (Lint checks these files with it): a '}}' outside a placeholder is text.
        var withoutPlaceholders = PromptTemplate.Placeholder().Replace(template, string.Empty);
        var index = withoutPlaceholders.IndexOf("{{", StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var end = withoutPlaceholders.IndexOf('\n', index);
        return withoutPlaceholders[index..(end < 0 ? withoutPlaceholders.Length : end)].Trim();
    }

    private static void Require(string path, bool condition, string problem)
    {
        if (!condition)
        {
            throw new ResearchAssistantException($"{path}: {problem}.");
        }
    }

    private sealed class PromptFile
    {
        public string? Name { get; set; }

        public string? Version { get; set; }

        public string? Description { get; set; }

        public ModelSection? Model { get; set; }

        public List<string>? Variables { get; set; }

        public string? System { get; set; }

        public string? User { get; set; }
    }

    private sealed class ModelSection
    {
        public float? Temperature { get; set; }

        public int? MaxTokens { get; set; }
    }
}
