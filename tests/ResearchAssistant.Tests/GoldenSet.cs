using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ResearchAssistant.Tests;

/// <summary>The golden set of the LlmEval stage, read from evals/research-assistant.cases.yaml.</summary>
public static class GoldenSet
{
    public static IReadOnlyList<GoldenCase> Load()
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        return deserializer.Deserialize<List<GoldenCase>>(File.ReadAllText(RepositoryFiles.GoldenSetPath));
    }
}

public sealed class GoldenCase
{
    public string Id { get; set; } = string.Empty;

    public Dictionary<string, string> Vars { get; set; } = [];

    public List<string> ExpectedDocumentIds { get; set; } = [];

    public List<string> ExpectedKeywords { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    public string Question => Vars["question"];

    public override string ToString() => Id;
}
