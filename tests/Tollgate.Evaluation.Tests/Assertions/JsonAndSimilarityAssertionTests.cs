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
    [InlineData("""{"price": 12}""", "currency")]
    [InlineData("""{"price": 120, "currency": "USD"}""", "$/price:")]
    [InlineData("""{"price": 12, "currency": "GBP"}""", "$/currency:")]
    [InlineData("""{"price": 12, "currency": "USD", "extra": 1}""", "'additionalProperties'")]
    [InlineData("""{"price": 12, "currency": "USD", "tags": ["ok", "Bad"]}""", "$/tags/1:")]
    [InlineData("""{"price": "12", "currency": "USD"}""", "$/price:")]
    [InlineData("""Sure: {"price": 12}""", "not JSON")]
    public void Json_schema_names_where_the_output_breaks_the_schema(string output, string? error)
    {
        var result = Check(new AssertionSpec("json-schema") { Schema = Schema }, new TargetResponse(output));

        result.Status.Should().Be(error is null ? AssertionStatus.Passed : AssertionStatus.Failed);
        if (error is not null)
        {
            result.Reason.Should().Contain(error);
        }
    }

    // Keywords the old hand-written subset silently ignored, so these outputs used to pass.
    [Theory]
    [InlineData("""{"kind": "refund", "amount": -1}""", "$/amount:")]
    [InlineData("""{"kind": "answer"}""", "'oneOf'")]
    [InlineData("""{"kind": "refund", "amount": 5, "version": 2}""", "$/version:")]
    [InlineData("""{"kind": "answer", "text": "hi", "note": 1}""", "'unevaluatedProperties'")]
    public void Json_schema_applies_the_full_draft_2020_12_ref_oneOf_const_and_unevaluatedProperties(string output, string error)
    {
        const string FullSchema = """
            {"$defs": {"positive": {"type": "number", "exclusiveMinimum": 0}},
             "properties": {"version": {"const": 1}},
             "oneOf": [
               {"properties": {"kind": {"const": "refund"}, "amount": {"$ref": "#/$defs/positive"}}, "required": ["kind", "amount"]},
               {"properties": {"kind": {"const": "answer"}, "text": {"type": "string"}}, "required": ["kind", "text"]}],
             "unevaluatedProperties": false}
            """;

        var valid = Check(new AssertionSpec("json-schema") { Schema = FullSchema }, new TargetResponse("""{"kind": "refund", "amount": 5, "version": 1}"""));
        var invalid = Check(new AssertionSpec("json-schema") { Schema = FullSchema }, new TargetResponse(output));

        valid.Status.Should().Be(AssertionStatus.Passed, valid.Reason);
        invalid.Status.Should().Be(AssertionStatus.Failed);
        invalid.Reason.Should().Contain(error);
    }

    [Theory]
    [InlineData("""{"type": "strng"}""", "type")]
    [InlineData("""{"properties": {"a": {"minimum": "0"}}}""", "minimum")]
    [InlineData("""{"required": "name"}""", "required")]
    [InlineData("""[1, 2]""", "object or a boolean")]
    public void A_schema_that_is_not_valid_draft_2020_12_is_reported_with_where_it_breaks(string schema, string mentioned)
    {
        var problems = JsonSchemaCheck.SchemaProblems(schema);

        problems.Should().NotBeEmpty();
        string.Join(" ", problems).Should().Contain(mentioned);
        JsonSchemaCheck.SchemaProblems(Schema).Should().BeEmpty();
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
