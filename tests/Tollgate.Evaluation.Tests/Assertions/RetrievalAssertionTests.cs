using static Tollgate.Evaluation.Tests.Assertions.AssertionHarness;

namespace Tollgate.Evaluation.Tests.Assertions;

public sealed class RetrievalAssertionTests
{
    private static readonly EvalCase Case = TestSuites.Case("a", "q", "$12", "seat") with { ExpectedDocumentIds = ["doc-4", "doc-9"] };

    private static readonly TargetResponse Response = new("x")
    {
        RetrievedIds = ["doc-1", "doc-4", "doc-2", "doc-3", "doc-5", "doc-9"],
        RetrievedTexts = ["The Team plan is $12.", "Per seat billing."],
    };

    [Fact]
    public void Recall_at_k_counts_expected_documents_in_the_top_k()
    {
        var atFive = Check(new AssertionSpec("recall@k") { K = 5 }, Response, Case);
        var atSix = Check(new AssertionSpec("recall@k") { K = 6 }, Response, Case);

        atFive.Score.Should().Be(0.5);
        atFive.Status.Should().Be(AssertionStatus.Failed);
        atFive.Reason.Should().Contain("missing doc-9");
        atFive.Metric.Should().Be("recall@5");
        atSix.Status.Should().Be(AssertionStatus.Passed);
    }

    [Fact]
    public void Precision_and_mrr_use_ranks()
    {
        Check(new AssertionSpec("precision@k") { K = 2 }, Response, Case).Score.Should().Be(0.5);
        Check(new AssertionSpec("mrr"), Response, Case).Score.Should().Be(0.5);
    }

    [Fact]
    public void Keyword_coverage_reads_the_retrieved_text()
    {
        Check(new AssertionSpec("keyword-coverage"), Response, Case).Status.Should().Be(AssertionStatus.Passed);
        Check(new AssertionSpec("keyword-coverage"), Response with { RetrievedTexts = [] }, Case).Status.Should().Be(AssertionStatus.NotRun);
    }

    [Fact]
    public void A_case_without_expected_documents_skips_retrieval_metrics() =>
        Check(new AssertionSpec("recall@k") { K = 5 }, Response, TestSuites.Case("b", "q")).Status.Should().Be(AssertionStatus.Skipped);

    [Fact]
    public void Context_size_is_limited_in_tokens() =>
        Check(new AssertionSpec("context-tokens") { Value = "5" }, Response, Case).Status.Should().Be(AssertionStatus.Failed);
}
