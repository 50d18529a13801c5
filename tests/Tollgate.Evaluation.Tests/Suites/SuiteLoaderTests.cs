namespace Tollgate.Evaluation.Tests.Suites;

public sealed class SuiteLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void I_can_load_the_research_assistant_suite_with_its_golden_cases()
    {
        var suite = SuiteLoader.Load(Path.Combine(Tollgate.TestSupport.RepositoryRoot.Path, "evals", "research-assistant.yaml"));

        suite.Name.Should().Be("research-assistant");
        suite.Provider.Kind.Should().Be(ProviderKind.Http);
        suite.Provider.OutputPath.Should().Be("$.answer");
        suite.Provider.RetrievedIdsPath.Should().Be("$.retrieved[*].id");
        suite.Cases.Should().NotBeEmpty();
        suite.Cases.Should().OnlyContain(c => c.Vars.ContainsKey("question") && c.ExpectedDocumentIds.Count > 0);
        suite.DefaultAssertions.Should().Contain(a => a.BaseType == "recall@k" && a.K == 5);
        suite.DefaultAssertions.Where(a => AssertionTypes.IsModelGraded(a.BaseType)).Should().OnlyContain(a => !a.Required);
        suite.Gates.Select(g => g.Metric).Should().Contain(["pass-rate", "score:recall@5"]);
    }

    [Fact]
    public void I_can_write_cases_inline_with_assertions_weights_and_thresholds()
    {
        var path = _dir.Write("inline.yaml", """
            provider: { type: http, url: "http://127.0.0.1:9/query", body: '{"q": {{ question | json }}}' }
            tests:
              - id: one
                vars: { question: "What is the price?" }
                expected: "$12"
                tags: [pricing]
                assert:
                  - type: not-icontains
                    value: sorry
                    weight: 2
                  - type: rouge-l
                    threshold: 0.4
            """);

        var suite = SuiteLoader.Load(path);

        suite.Name.Should().Be("inline");
        var evalCase = suite.Cases.Should().ContainSingle().Subject;
        evalCase.Tags.Should().Equal("pricing");
        evalCase.Assertions.Should().HaveCount(2);
        evalCase.Assertions[0].Negated.Should().BeTrue();
        evalCase.Assertions[0].Weight.Should().Be(2);
        evalCase.Assertions[1].Threshold.Should().Be(0.4);
    }

    [Fact]
    public void I_can_keep_cases_in_a_jsonl_file()
    {
        _dir.Write("cases.jsonl", """
            {"id": "a", "vars": {"question": "one"}, "expected_document_ids": ["doc-1"]}

            {"id": "b", "vars": {"question": "two"}, "tags": ["x"]}
            """);
        var path = _dir.Write("suite.yaml", """
            provider: { type: http, url: "http://127.0.0.1:9/query" }
            tests: file://cases.jsonl
            """);

        var suite = SuiteLoader.Load(path);

        suite.Cases.Select(c => c.Id).Should().Equal("a", "b");
        suite.Cases[1].Location!.Line.Should().Be(3);
    }

    [Fact]
    public void A_json_suite_loads_like_yaml()
    {
        var path = _dir.Write("suite.json", """
            {"provider": {"type": "http", "url": "http://127.0.0.1:9/q"}, "tests": [{"id": "a", "vars": {"question": "x"}}],
             "gates": [{"metric": "pass-rate", "min": 0.5}]}
            """);

        SuiteLoader.Load(path).Gates.Should().ContainSingle().Which.Min.Should().Be(0.5);
    }
}
