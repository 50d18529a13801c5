namespace ResearchAssistant.Documents;

/// <summary>One document of the knowledge base: a stable id such as doc-014, a title, tags and the text.</summary>
public sealed record Document(string Id, string Title, IReadOnlyList<string> Tags, string Body);
