using ResearchAssistant.Documents;
using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Tests;

public sealed class Bm25IndexTests
{
    private static readonly Document Cats = new("doc-001", "Cats", [], "Cats purr. Cats sleep most of the day and like warm places.");
    private static readonly Document Dogs = new("doc-002", "Dogs", [], "Dogs bark and need a daily walk. A dog is loyal.");
    private static readonly Document Pets = new("doc-003", "Pet food", [], "Food for cats and dogs: dry food, wet food, treats.");
    private static readonly Document Long = new("doc-004", "Household", [], string.Join(' ', Enumerable.Repeat("The house has rooms, a garden and a garage with tools.", 20)) + " A cat lives here.");

    private readonly Bm25Index _index = new(new DocumentStore([Cats, Dogs, Pets, Long]), new Tokenizer());

    [Fact]
    public void The_document_about_the_query_ranks_first()
    {
        var results = _index.Search("Why do dogs bark?", 3);

        results.Select(r => r.Document.Id).Should().StartWith("doc-002");
        results.Select(r => r.Rank).Should().Equal(Enumerable.Range(1, results.Count));
        results.Select(r => r.Score).Should().BeInDescendingOrder();
    }

    [Fact]
    public void A_rare_term_weighs_more_than_a_common_one()
    {
        _index.InverseDocumentFrequency("purr").Should().BeGreaterThan(_index.InverseDocumentFrequency("cat"));
        _index.InverseDocumentFrequency("unknownword").Should().Be(0);
    }

    [Fact]
    public void A_long_document_with_one_mention_ranks_below_a_short_focused_one()
    {
        var results = _index.Search("cat", 4).Select(r => r.Document.Id).ToList();

        results.IndexOf("doc-001").Should().BeLessThan(results.IndexOf("doc-004"));
    }

    [Fact]
    public void The_title_counts_twice_so_a_title_match_beats_a_body_match_in_a_shorter_document()
    {
        var titled = new Document("doc-020", "Food", [], "Notes on a topic, with many more extra filler words around it to make it longer.");
        var mentioned = new Document("doc-021", "Notes", [], "Food notes on a topic.");
        var index = new Bm25Index(new DocumentStore([titled, mentioned, Cats, Dogs]), new Tokenizer());

        index.Search("food", 4).Select(r => r.Document.Id).Should().Equal("doc-020", "doc-021");
    }

    [Fact]
    public void At_most_k_results_are_returned_and_documents_without_any_query_term_are_left_out()
    {
        _index.Search("cats dogs food house", 2).Should().HaveCount(2);
        _index.Search("purr", 10).Select(r => r.Document.Id).Should().Equal("doc-001");
        _index.Search("zebra", 10).Should().BeEmpty();
        _index.Search("the and of", 10).Should().BeEmpty();
    }

    [Fact]
    public void Equal_scores_are_ordered_by_id_so_the_ranking_is_deterministic()
    {
        var twins = new Bm25Index(new DocumentStore([new("doc-010", "B", [], "same words here"), new("doc-009", "A", [], "same words here")]), new Tokenizer());

        twins.Search("words", 5).Select(r => r.Document.Id).Should().Equal("doc-009", "doc-010");
    }

    [Fact]
    public void A_non_positive_k_is_rejected()
    {
        var act = () => _index.Search("cats", 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
