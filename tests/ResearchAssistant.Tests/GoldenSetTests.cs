using System.Globalization;
using ResearchAssistant.Configuration;
using ResearchAssistant.Documents;
using ResearchAssistant.Retrieval;
using Xunit.Abstractions;

namespace ResearchAssistant.Tests;

public sealed class GoldenSetTests
{
    private const int K = AssistantSettings.DefaultTopK;

    private readonly ITestOutputHelper _output;
    private readonly DocumentStore _documents = DocumentStore.Load(RepositoryFiles.DocumentsDirectory);
    private readonly IReadOnlyList<GoldenCase> _cases = GoldenSet.Load();

    public GoldenSetTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void The_golden_set_has_at_least_40_cases_with_unique_ids_across_several_tags()
    {
        _cases.Should().HaveCountGreaterThanOrEqualTo(40);
        _cases.Select(c => c.Id).Should().OnlyHaveUniqueItems();
        _cases.Should().OnlyContain(c => !string.IsNullOrWhiteSpace(c.Question) && c.ExpectedDocumentIds.Count > 0 && c.ExpectedKeywords.Count > 0);
        _cases.SelectMany(c => c.Tags).Distinct().Should().HaveCountGreaterThanOrEqualTo(8);
    }

    [Fact]
    public void Every_expected_document_exists_and_every_expected_keyword_appears_in_an_expected_document()
    {
        var problems = new List<string>();
        foreach (var goldenCase in _cases)
        {
            var expected = goldenCase.ExpectedDocumentIds.Select(id => (id, doc: _documents.Find(id))).ToList();
            problems.AddRange(expected.Where(x => x.doc is null).Select(x => $"{goldenCase.Id}: no document {x.id}"));
            var texts = expected.Where(x => x.doc is not null).Select(x => x.doc!.Title + "\n" + x.doc.Body).ToList();
            problems.AddRange(goldenCase.ExpectedKeywords
                .Where(k => !texts.Any(t => t.Contains(k, StringComparison.OrdinalIgnoreCase)))
                .Select(k => $"{goldenCase.Id}: keyword '{k}' is in none of {string.Join(", ", goldenCase.ExpectedDocumentIds)}"));
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Bm25_retrieval_reaches_a_recall_at_5_of_at_least_0_85_on_the_golden_set()
    {
        var index = new Bm25Index(_documents, new Tokenizer());
        var recalls = new List<double>();
        foreach (var goldenCase in _cases)
        {
            var retrieved = index.Search(goldenCase.Question, K).Select(p => p.Document.Id).ToList();
            var found = goldenCase.ExpectedDocumentIds.Count(retrieved.Contains);
            var recall = (double)found / goldenCase.ExpectedDocumentIds.Count;
            recalls.Add(recall);
            if (recall < 1)
            {
                _output.WriteLine($"  {goldenCase.Id}: expected [{string.Join(", ", goldenCase.ExpectedDocumentIds)}], retrieved [{string.Join(", ", retrieved)}]");
            }
        }

        var meanRecall = recalls.Average();
        var hitRate = recalls.Count(r => r > 0) / (double)recalls.Count;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Recall@{K} = {meanRecall:F3} over {recalls.Count} cases (hit rate {hitRate:F3})"));
        meanRecall.Should().BeGreaterThanOrEqualTo(0.85);
    }
}
