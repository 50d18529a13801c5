using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using static Tollgate.Evaluation.Tests.Assertions.AssertionHarness;

namespace Tollgate.Evaluation.Tests.Assertions;

/// <summary>
/// An evaluator written only against Microsoft.Extensions.AI.Evaluation: rates 1–5 how many of the answer's words occur
/// in the retrieved passages it is given through the standard additionalContext, with Microsoft's interpretation rule
/// (below 4 fails). Nothing in it knows Tollgate except reading contents.
/// </summary>
public sealed class WordOverlapEvaluator : IEvaluator
{
    public const string MetricName = "Word overlap";

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var metric = new NumericMetric(MetricName);
        var passages = (additionalContext ?? []).SelectMany(c => c.Contents).OfType<TextContent>()
            .Where(t => t.Text.StartsWith("retrieved: ", StringComparison.Ordinal)).Select(t => t.Text).ToList();
        if (passages.Count == 0)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error("no retrieved passages in the context"));
            return new ValueTask<EvaluationResult>(new EvaluationResult(metric));
        }

        var words = modelResponse.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = words.Count(w => passages.Any(p => p.Contains(w, StringComparison.OrdinalIgnoreCase)));
        metric.Value = 1 + (4.0 * found / words.Length);
        metric.Reason = $"{found} of {words.Length} words are in the passages";
        metric.Interpretation = new EvaluationMetricInterpretation(
            metric.Value >= 4 ? EvaluationRating.Good : EvaluationRating.Poor, failed: metric.Value < 4);
        return new ValueTask<EvaluationResult>(new EvaluationResult(metric));
    }
}

/// <summary>An evaluator that needs a judge model, as Microsoft's quality evaluators do.</summary>
public sealed class NeedsJudgeEvaluator : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => ["Polite"];

    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var metric = new BooleanMetric("Polite");
        if (chatConfiguration is null)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error("a ChatConfiguration is required"));
            return new EvaluationResult(metric);
        }

        var verdict = await chatConfiguration.ChatClient.GetResponseAsync($"Is this polite? {modelResponse.Text}", cancellationToken: cancellationToken);
        metric.Value = verdict.Text.Contains("yes", StringComparison.OrdinalIgnoreCase);
        return new EvaluationResult(metric);
    }
}

public sealed class EvaluatorAssertionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_evaluator_named_in_a_suite_is_created_at_load_and_its_metric_names_the_result()
    {
        var path = _dir.Write("suite.yaml", $"""
            provider: {"{"} type: http, url: 'http://127.0.0.1:9/q' {"}"}
            tests:
              - id: a
                vars: {"{"} question: q {"}"}
                assert:
                  - type: evaluator
                    value: {typeof(WordOverlapEvaluator).AssemblyQualifiedName}
            """);

        var spec = SuiteLoader.Load(path).Cases.Single().Assertions.Single();

        spec.Evaluator.Should().BeOfType<WordOverlapEvaluator>();
        spec.MetricName.Should().Be(WordOverlapEvaluator.MetricName);
    }

    [Theory]
    [InlineData("Tollgate.NoSuch.Evaluator, Tollgate.NoSuch", "no type")]
    [InlineData("System.String", "does not implement")]
    public void An_evaluator_that_cannot_be_created_stops_the_suite_at_load(string typeName, string message)
    {
        var path = _dir.Write("suite.yaml", $"provider: {{ type: http, url: 'http://127.0.0.1:9/q' }}\ntests:\n  - id: a\n    vars: {{ question: q }}\n    assert:\n      - type: evaluator\n        value: '{typeName}'\n");

        var act = () => SuiteLoader.Load(path);

        act.Should().Throw<SuiteException>().Which.Should().Match<SuiteException>(e => e.Field == "tests[0].assert[0].value" && e.Message.Contains(message));
    }

    [Fact]
    public void Its_one_to_five_rating_becomes_a_score_and_its_interpretation_decides_pass_and_fail()
    {
        var spec = new AssertionSpec("evaluator") { Evaluator = new WordOverlapEvaluator() };

        var grounded = Check(spec, new TargetResponse("plans cost per seat") { RetrievedTexts = ["The Team plan costs $12 per seat."] });
        var invented = Check(spec, new TargetResponse("ships to Mars weekly") { RetrievedTexts = ["The Team plan costs $12 per seat."] });

        grounded.Status.Should().Be(AssertionStatus.Passed);
        grounded.Score.Should().BeApproximately(0.75, 1e-9, "3 of 4 words are in the passage (not 'plans'): rating 1 + 4 * 3/4 = 4, score (4 - 1) / 4");
        grounded.Reason.Should().Contain("Word overlap 4 → 0.75").And.Contain("3 of 4 words");
        invented.Status.Should().Be(AssertionStatus.Failed);
        invented.Score.Should().Be(0);
    }

    [Fact]
    public void A_threshold_on_the_assertion_overrides_the_evaluators_interpretation()
    {
        var spec = new AssertionSpec("evaluator") { Evaluator = new WordOverlapEvaluator(), Threshold = 0.8 };

        Check(spec, new TargetResponse("plans cost per seat") { RetrievedTexts = ["The Team plan costs $12 per seat."] }).Status.Should().Be(AssertionStatus.Failed);
    }

    [Fact]
    public void A_metric_without_a_value_is_not_run_and_never_counted_as_failed()
    {
        var noContext = Check(new AssertionSpec("evaluator") { Evaluator = new WordOverlapEvaluator() }, new TargetResponse("anything"));
        var noJudge = Check(new AssertionSpec("evaluator") { Evaluator = new NeedsJudgeEvaluator() }, new TargetResponse("thanks!"));

        noContext.Status.Should().Be(AssertionStatus.NotRun);
        noContext.Reason.Should().Contain("no retrieved passages");
        noJudge.Status.Should().Be(AssertionStatus.NotRun);
        noJudge.Reason.Should().Contain("ChatConfiguration is required");
        noJudge.Permits.Should().BeFalse("a required check that did not run does not let the case pass");
    }

    [Fact]
    public void An_evaluator_that_throws_is_not_run_and_a_metric_name_it_does_not_return_is_an_error()
    {
        var throwing = Check(new AssertionSpec("evaluator") { Evaluator = new ThrowingEvaluator() }, new TargetResponse("x"));
        var wrongMetric = Check(new AssertionSpec("evaluator") { Evaluator = new WordOverlapEvaluator(), Metric = "Coherence" }, new TargetResponse("x") { RetrievedTexts = ["x"] });

        throwing.Status.Should().Be(AssertionStatus.NotRun);
        throwing.Reason.Should().Contain("could not run").And.Contain("service unavailable");
        wrongMetric.Status.Should().Be(AssertionStatus.Error);
        wrongMetric.Reason.Should().Contain("'Coherence'").And.Contain(WordOverlapEvaluator.MetricName);
    }

    [Theory]
    [InlineData(EvaluationRating.Exceptional, false, AssertionStatus.Passed, 1.0)]
    [InlineData(EvaluationRating.Poor, true, AssertionStatus.Failed, 0.25)]
    [InlineData(EvaluationRating.Inconclusive, false, AssertionStatus.NotRun, null)]
    public void String_metrics_count_by_their_rating_and_an_inconclusive_one_is_not_run(EvaluationRating rating, bool failed, AssertionStatus status, double? score)
    {
        var metric = new StringMetric("Tone", "formal") { Interpretation = new EvaluationMetricInterpretation(rating, failed) };

        var outcome = EvaluatorCheck.Map(metric, threshold: null);

        outcome.Status.Should().Be(status);
        outcome.Score.Should().Be(score);
    }

    [Fact]
    public void Evaluator_assertions_cannot_be_negated() =>
        AssertionTypes.Normalize("not-evaluator").Should().BeNull();

    private sealed class ThrowingEvaluator : IEvaluator
    {
        public IReadOnlyCollection<string> EvaluationMetricNames => ["X"];

        public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("service unavailable");
    }
}
