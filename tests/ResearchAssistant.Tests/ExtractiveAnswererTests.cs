using System.Globalization;
using ResearchAssistant.Answering;
using ResearchAssistant.Documents;
using ResearchAssistant.Retrieval;
using Xunit.Abstractions;

namespace ResearchAssistant.Tests;

public sealed class ExtractiveAnswererTests
{
    private readonly ITestOutputHelper _output;
    private readonly Bm25Index _index;
    private readonly ExtractiveAnswerer _answerer;

    public ExtractiveAnswererTests(ITestOutputHelper output)
    {
        _output = output;
        var tokenizer = new Tokenizer();
        _index = new Bm25Index(DocumentStore.Load(RepositoryFiles.DocumentsDirectory), tokenizer);
        _answerer = new ExtractiveAnswerer(_index, tokenizer);
    }

    [Fact]
    public async Task The_answer_is_made_of_sentences_from_the_passages_each_followed_by_its_source_id()
    {
        const string Question = "How long is the password reset link valid?";
        var passages = _index.Search(Question, 5);

        var answer = await _answerer.AnswerAsync(Question, passages, CancellationToken.None);

        answer.Model.Should().Be("offline-extractive");
        answer.Text.Should().Contain("the link is valid for 1 hour").And.Contain("[doc-057]");
        answer.Citations.Should().StartWith("doc-057").And.BeSubsetOf(passages.Select(p => p.Document.Id));
        foreach (var id in answer.Citations)
        {
            answer.Text.Should().Contain($"[{id}]");
        }

        var sentences = answer.Text.Split('[', ']').Where((_, i) => i % 2 == 0).SelectMany(ExtractiveAnswerer.SplitSentences);
        var corpus = string.Join(' ', passages.Select(p => p.Document.Body));
        sentences.Should().OnlyContain(s => corpus.Contains(s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_question_always_gets_the_same_answer()
    {
        const string Question = "Which two-factor authentication methods are supported?";
        var passages = _index.Search(Question, 5);

        var first = await _answerer.AnswerAsync(Question, passages, CancellationToken.None);
        var second = await _answerer.AnswerAsync(Question, _index.Search(Question, 5), CancellationToken.None);

        second.Should().BeEquivalentTo(first);
    }

    [Theory]
    [InlineData("Which release added the Linux ARM64 desktop app?", "Lumen 4.1 was released in January 2026. It added a native desktop app for Linux on ARM64")]
    [InlineData("What changed in Lumen 4.2?", "Lumen 4.2 was released in March 2026. Lumen Assist answers now show inline citations")]
    public async Task A_lone_sentence_is_completed_by_the_neighbour_that_gives_it_context(string question, string expected)
    {
        var answer = await _answerer.AnswerAsync(question, _index.Search(question, 5), CancellationToken.None);

        answer.Text.Should().Contain(expected);
    }

    [Fact]
    public async Task Without_passages_the_answer_says_so_and_cites_nothing()
    {
        var answer = await _answerer.AnswerAsync("Anything?", [], CancellationToken.None);

        answer.Text.Should().Be(ExtractiveAnswerer.NoAnswer);
        answer.Citations.Should().BeEmpty();
    }

    [Fact]
    public async Task On_the_golden_set_offline_answers_cite_an_expected_document_and_carry_the_expected_keywords()
    {
        var cases = GoldenSet.Load();
        int citedExpected = 0, allKeywords = 0;
        foreach (var goldenCase in cases)
        {
            var answer = await _answerer.AnswerAsync(goldenCase.Question, _index.Search(goldenCase.Question, 5), CancellationToken.None);
            var cites = answer.Citations.Intersect(goldenCase.ExpectedDocumentIds).Any();
            var keywords = goldenCase.ExpectedKeywords.All(k => answer.Text.Contains(k, StringComparison.OrdinalIgnoreCase));
            citedExpected += cites ? 1 : 0;
            allKeywords += keywords ? 1 : 0;
            if (!cites || !keywords)
            {
                _output.WriteLine($"  {goldenCase.Id}: cites [{string.Join(", ", answer.Citations)}]: {answer.Text}");
            }
        }

        double citationRate = (double)citedExpected / cases.Count, keywordRate = (double)allKeywords / cases.Count;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Offline answers: expected document cited {citationRate:F3}, all keywords present {keywordRate:F3} over {cases.Count} cases"));
        citationRate.Should().BeGreaterThanOrEqualTo(0.9);
        keywordRate.Should().BeGreaterThanOrEqualTo(0.75);
    }
}
