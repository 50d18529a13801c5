using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ResearchAssistant.Documents;

/// <summary>
/// The document set: one Markdown file per document with a YAML front matter block
/// (<c>id</c>, <c>title</c>, optional <c>tags</c>) followed by the text.
/// </summary>
public sealed partial class DocumentStore
{
    private readonly Dictionary<string, Document> _byId;

    public DocumentStore(IEnumerable<Document> documents)
    {
        Documents = documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        _byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in Documents)
        {
            if (!_byId.TryAdd(document.Id, document))
            {
                throw new ResearchAssistantException($"Document id '{document.Id}' is used twice. Give every document its own id.");
            }
        }
    }

    /// <summary>All documents, ordered by id.</summary>
    public IReadOnlyList<Document> Documents { get; }

    public Document? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Loads every <c>*.md</c> file of a directory.</summary>
    public static DocumentStore Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ResearchAssistantException(
                $"Documents directory '{directory}' does not exist. Ship data/documents with the service or set DOCUMENTS_DIR.");
        }

        var files = Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new ResearchAssistantException($"Documents directory '{directory}' holds no *.md files.");
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var documents = files.Select(file => Parse(file, File.ReadAllText(file), deserializer)).ToList();
        var duplicate = documents.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ResearchAssistantException(
                $"Document id '{duplicate.Key}' is declared by more than one file in '{directory}'. Give every document its own id.");
        }

        return new DocumentStore(documents);
    }

    internal static Document Parse(string file, string text, IDeserializer deserializer)
    {
        var match = FrontMatter().Match(text.ReplaceLineEndings("\n"));
        if (!match.Success)
        {
            throw new ResearchAssistantException(
                $"{file}: expected a front matter block at line 1 ('---', id, title, '---') followed by the text.");
        }

        FrontMatterFields fields;
        try
        {
            fields = deserializer.Deserialize<FrontMatterFields?>(match.Groups["yaml"].Value) ?? new FrontMatterFields();
        }
        catch (YamlException ex)
        {
            throw new ResearchAssistantException($"{file}:{ex.Start.Line + 1}: invalid front matter YAML: {ex.Message}", ex);
        }

        if (fields.Id is null || !DocumentId().IsMatch(fields.Id))
        {
            throw new ResearchAssistantException($"{file}: front matter field 'id' is '{fields.Id}', expected an id like doc-014.");
        }

        if (string.IsNullOrWhiteSpace(fields.Title))
        {
            throw new ResearchAssistantException($"{file}: front matter field 'title' is missing. Give the document a title.");
        }

        var body = match.Groups["body"].Value.Trim();
        if (body.Length == 0)
        {
            throw new ResearchAssistantException($"{file}: the document '{fields.Id}' has no text after the front matter.");
        }

        return new Document(fields.Id, fields.Title.Trim(), fields.Tags ?? [], body);
    }

    [GeneratedRegex(@"\A---\n(?<yaml>.*?)\n---\n(?<body>.*)\z", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^doc-[0-9]{3,}$")]
    private static partial Regex DocumentId();

    private sealed class FrontMatterFields
    {
        public string? Id { get; set; }

        public string? Title { get; set; }

        public List<string>? Tags { get; set; }
    }
}
