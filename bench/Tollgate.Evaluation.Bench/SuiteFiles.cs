using System.Globalization;
using System.Text;

namespace Tollgate.Evaluation.Bench;

/// <summary>Writes a suite file and a JSONL file of <c>count</c> cases, as a user would, and loads them.</summary>
internal static class SuiteFiles
{
    public static EvalSuite Create(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        var cases = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            cases.Append(CultureInfo.InvariantCulture,
                $$"""{"id": "case-{{i}}", "vars": {"question": "What does the plan cost, question {{i}}"}, "expected_document_ids": ["doc-{{i}}"], "expected_keywords": ["$12", "seat"], "tags": ["{{(i % 2 == 0 ? "even" : "odd")}}"]}""");
            cases.Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, "cases.jsonl"), cases.ToString());
        var suite = Path.Combine(directory, "bench.yaml");
        File.WriteAllText(suite, """
            name: bench
            provider:
              type: http
              url_env: BENCH_URL
              body: '{"question": {{ question | json }}}'
              response: { output: $.answer, retrieved_ids: "$.retrieved[*].id", prompt_tokens: $.usage.promptTokens, completion_tokens: $.usage.completionTokens, model: $.model }
            default_assert:
              - type: recall@5
              - type: icontains-all
              - type: latency
                value: 5000
            tests: file://cases.jsonl
            gates:
              - metric: pass-rate
                min: 0.99
            """);
        return SuiteLoader.Load(suite);
    }
}
