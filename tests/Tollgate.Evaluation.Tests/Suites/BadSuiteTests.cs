namespace Tollgate.Evaluation.Tests.Suites;

public sealed class BadSuiteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Malformed_yaml_names_the_file_and_line()
    {
        var path = _dir.Write("bad.yaml", "provider:\n  type: http\n  url: [unclosed\ntests: []\n");

        var error = Load(path);

        error.Message.Should().StartWith($"{path}:");
        error.Location!.Line.Should().BeInRange(3, 4);
        error.Message.Should().Contain("malformed YAML");
    }

    [Fact]
    public void An_invalid_json_schema_stops_the_suite_at_load_naming_the_field_and_the_broken_keyword()
    {
        var path = Suite("""
              - id: a
                vars: { question: q }
                assert:
                  - type: json-schema
                    value: { type: object, properties: { price: { type: numbr } } }
            """);

        var error = Load(path);

        error.Field.Should().Be("tests[0].assert[0].value");
        error.Message.Should().Contain("not valid draft 2020-12").And.Contain("type");
    }

    [Fact]
    public void An_unknown_assertion_type_names_the_field_and_the_nearest_type()
    {
        var path = Suite("""
              - id: a
                vars: { question: q }
                assert:
                  - type: icontain
                    value: x
            """);

        var error = Load(path);

        error.Location!.Line.Should().Be(6);
        error.Field.Should().Be("tests[0].assert[0].type");
        error.Message.Should().Contain("unknown assertion type 'icontain'").And.Contain("did you mean 'icontains'?");
    }

    [Fact]
    public void An_undeclared_template_variable_names_the_case_and_the_nearest_variable()
    {
        var path = _dir.Write("suite.yaml", """
            provider:
              type: http
              url: http://127.0.0.1:9/query
              body: '{"question": {{ questoin | json }}}'
            tests:
              - id: pricing
                vars: { question: "How much?" }
            """);

        var error = Load(path);

        error.Location!.Line.Should().Be(2);
        error.Field.Should().Be("provider.body");
        error.Message.Should().Contain("'questoin' is not declared by case 'pricing'").And.Contain("did you mean 'question'?");
    }

    [Fact]
    public void A_template_outside_the_one_grammar_stops_the_suite_at_load_with_its_position()
    {
        var path = _dir.Write("suite.yaml", """
            provider:
              type: http
              url: http://127.0.0.1:9/query
              body: '{"question": {{ question | upper }}}'
            tests:
              - id: pricing
                vars: { question: "How much?" }
            """);

        var error = Load(path);

        error.Field.Should().Be("provider.body");
        error.Message.Should().Contain("line 1, column 14").And.Contain("Unknown filter 'upper'").And.Contain("the only filter is 'json'");
    }

    [Theory]
    [InlineData("type: htp\n  url: http://127.0.0.1:9/q", "provider.type", "did you mean 'http'?")]
    [InlineData("type: http\n  url: not a url", "provider.url", "is not an absolute http(s) URL")]
    [InlineData("type: http", "provider.url", "needs 'url' or 'url_env'")]
    [InlineData("type: openai\n  user: '{{ question }}'", "provider.model", "needs 'model'")]
    [InlineData("type: openai\n  model: m\n  user: x\n  temperature: 3", "provider.temperature", "outside 0–2")]
    [InlineData("type: http\n  url: http://127.0.0.1:9/q\n  method: PSOT", "provider.method", "did you mean 'POST'?")]
    [InlineData("type: http\n  url: http://127.0.0.1:9/q\n  response: { output: answer }", "provider.response.output", "must start with '$'")]
    [InlineData("type: http\n  url: http://127.0.0.1:9/q\n  timout_seconds: 3", "provider.timout_seconds", "did you mean 'timeout_seconds'?")]
    public void Bad_provider_settings_fail_with_the_field_and_the_fix(string provider, string field, string message)
    {
        var path = _dir.Write("suite.yaml", $"provider:\n  {provider}\ntests:\n  - id: a\n    vars: {{ question: q }}\n");

        var error = Load(path);

        error.Field.Should().Be(field);
        error.Message.Should().Contain(message).And.StartWith(path + ":");
    }

    [Fact]
    public void An_unknown_gate_metric_suggests_the_nearest()
    {
        var path = _dir.Write("suite.yaml", "provider: { type: http, url: 'http://127.0.0.1:9/q' }\ntests: [{ id: a }]\ngates:\n  - metric: pass_rate\n    min: 0.9\n");

        Load(path).Message.Should().Contain("did you mean 'pass-rate'?");
    }

    [Fact]
    public void Duplicate_case_ids_are_rejected()
    {
        var path = Suite("  - id: a\n  - id: a\n");

        Load(path).Message.Should().Contain("duplicate case id 'a'");
    }

    private string Suite(string tests) =>
        _dir.Write("suite.yaml", $"provider: {{ type: http, url: 'http://127.0.0.1:9/q' }}\ntests:\n{tests}");

    private static SuiteException Load(string path)
    {
        var act = () => SuiteLoader.Load(path);
        return act.Should().Throw<SuiteException>().Which;
    }
}
