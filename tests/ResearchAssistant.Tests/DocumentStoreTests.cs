using ResearchAssistant.Documents;
using Tollgate.TestSupport;

namespace ResearchAssistant.Tests;

public sealed class DocumentStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new("documents");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_shipped_document_set_has_at_least_60_documents_with_unique_ids_and_titles()
    {
        var store = DocumentStore.Load(RepositoryFiles.DocumentsDirectory);

        store.Documents.Should().HaveCountGreaterThanOrEqualTo(60);
        store.Documents.Should().OnlyContain(d => d.Title.Length > 0 && d.Body.Length > 100);
        store.Documents.Select(d => d.Title).Should().OnlyHaveUniqueItems();
        store.Find("doc-004")!.Title.Should().Be("Team plan pricing");
    }

    [Fact]
    public void A_document_is_read_from_front_matter_and_text()
    {
        Write("a.md", "---\nid: doc-101\ntitle: \"Release 1.0 (May)\"\ntags: [release-notes, apps]\n---\nFirst line.\r\nSecond line.\n");

        var document = DocumentStore.Load(_directory.Path).Documents.Should().ContainSingle().Subject;

        document.Should().BeEquivalentTo(new Document("doc-101", "Release 1.0 (May)", ["release-notes", "apps"], "First line.\nSecond line."));
    }

    [Theory]
    [InlineData("no front matter", "expected a front matter block")]
    [InlineData("---\nid: 14\ntitle: T\n---\ntext", "field 'id' is '14'")]
    [InlineData("---\nid: doc-014\n---\ntext", "field 'title' is missing")]
    [InlineData("---\nid: doc-014\ntitle: T\n---\n   ", "has no text")]
    [InlineData("---\nid: [doc-014\ntitle: T\n---\ntext", "invalid front matter YAML")]
    public void A_malformed_document_is_rejected_with_the_file_name_and_the_problem(string text, string expected)
    {
        Write("bad.md", text);

        var act = () => DocumentStore.Load(_directory.Path);

        act.Should().Throw<ResearchAssistantException>().WithMessage($"*bad.md*{expected}*");
    }

    [Fact]
    public void Two_files_with_the_same_id_are_rejected()
    {
        Write("a.md", "---\nid: doc-001\ntitle: A\n---\ntext");
        Write("b.md", "---\nid: doc-001\ntitle: B\n---\ntext");

        var act = () => DocumentStore.Load(_directory.Path);

        act.Should().Throw<ResearchAssistantException>().WithMessage("*'doc-001'*more than one file*");
    }

    private void Write(string name, string text) => _directory.Write(name, text);
}
