using static Tollgate.Evaluation.Tests.Assertions.AssertionHarness;

namespace Tollgate.Evaluation.Tests.Assertions;

public sealed class JsonAndSimilarityAssertionTests
{
    private const string Schema = """
        {"type": "object", "required": ["price", "currency"], "additionalProperties": false,
         "properties": {"price": {"type": "number", "minimum": 0, "maximum": 100}, "currency": {"enum": ["USD", "EUR"]},
                        "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}, "maxItems": 2}}}
        """;

    [Theory]
    [InlineData("""{"price": 12, "currency": "USD"}""", null)]
    [InlineData("""{"price": 12}""", "$: missing required property 'currency'")]
    [InlineData("""{"price": 120, "currency": "USD"}""", "$.price: value 120 is above maximum 100")]
    [InlineData("""{"price": 12, "currency": "GBP"}""", "$.currency: \"GBP\" is not one of [\"USD\", \"EUR\"]")]
    [InlineData("""{"price": 12, "currency": "USD", "extra": 1}""", "$: property 'extra' is not allowed")]
    [InlineData("""{"price": 12, "currency": "USD", "tags": ["ok", "Bad"]}""", "$.tags[1]: 'Bad' does not match ^[a-z]+$")]
    [InlineData("""{"price": "12", "currency": "USD"}""", "$.price: expected \"number\", found string")]
    public void Json_schema_checks_the_common_subset(string output, string? error)
    {
        var result = Check(new AssertionSpec("json-schema") { Schema = Schema }, new TargetResponse(output));

        result.Status.Should().Be(error is null ? AssertionStatus.Passed : AssertionStatus.Failed);
        if (error is not null)
        {
            result.Reason.Should().Be(error);
        }
    }

    [Fact]
    public void Is_json_rejects_prose() =>
        Status("is-json", "Sure! {\"a\": 1}").Should().Be(AssertionStatus.Failed);

    [Fact]
    public void Rouge_and_bleu_score_overlap_with_the_reference()
    {
        const string reference = "The Team plan costs $12 per seat per month";

        SimilarityMetrics.RougeN(reference, reference).Should().Be(1);
        SimilarityMetrics.RougeL("Team plan costs $12 per seat", reference).Should().BeInRange(0.7, 0.9);
        SimilarityMetrics.Bleu(reference, reference).Should().BeApproximately(1, 1e-9);
        SimilarityMetrics.Bleu("bananas are yellow", reference).Should().BeLessThan(0.2);
        Status("rouge-l", "The Team plan costs $12 per seat per month", reference).Should().Be(AssertionStatus.Passed);
        Status("bleu", "bananas", reference).Should().Be(AssertionStatus.Failed);
    }

    [Fact]
    public void Budget_checks_read_latency_cost_and_tokens()
    {
        var response = new TargetResponse("x") { LatencyMs = 250, Usage = new TokenUsage(900, 200) };

        Check(new AssertionSpec("latency") { Value = "300" }, response).Status.Should().Be(AssertionStatus.Passed);
        Check(new AssertionSpec("latency") { Value = "200" }, response).Status.Should().Be(AssertionStatus.Failed);
        Check(new AssertionSpec("tokens") { Value = "1000" }, response).Status.Should().Be(AssertionStatus.Failed);
        Check(new AssertionSpec("cost") { Value = "0.01" }, response, cost: 0.002).Status.Should().Be(AssertionStatus.Passed);
    }
}
