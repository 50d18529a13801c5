using System.Text;

namespace Tollgate.Components.Tests.LlmEval;

/// <summary>One golden case of the small suite the LlmEval tests run.</summary>
internal sealed record EvalCaseData(string Id, string Question, string DocumentId, string Keyword);

/// <summary>A five-case suite in the ResearchAssistant's format, written into a temp root as evals/mini.yaml.</summary>
internal static class EvalCases
{
    public const string SuiteFile = "evals/mini.yaml";

    public const string CasesFile = "evals/mini.cases.yaml";

    public static IReadOnlyList<EvalCaseData> All { get; } =
    [
        new("pricing-team-seat", "How much does the Team plan cost per seat?", "doc-004", "$12"),
        new("pricing-personal-annual", "What is the annual price of the Personal plan?", "doc-003", "$60"),
        new("plans-free-notebooks", "How many notebooks can I create on the Free plan?", "doc-002", "3 notebooks"),
        new("billing-student-discount", "Is there a discount for students?", "doc-007", "50%"),
        new("pricing-enterprise-minimum", "How many seats does an Enterprise contract start at?", "doc-005", "50 seats"),
    ];

    /// <summary>The 1-based line of a case's <c>- id:</c> in the cases file (two comment lines, then five lines per case).</summary>
    public static int LineOf(string id) => 3 + (5 * All.ToList().FindIndex(c => c.Id == id));

    /// <summary>
    /// Writes the suite (gated on <paramref name="minPassRate"/>, its provider's key in <paramref name="apiKeyEnv"/>)
    /// and its cases file.
    /// </summary>
    public static void Write(TempDirectory root, double minPassRate = 0.8, string apiKeyEnv = "TOLLGATE_TEST_UNSET_MINI_KEY")
    {
        root.Write(SuiteFile, """
            name: mini
            provider:
              id: mini
              type: http
              url: http://127.0.0.1:5080/query
              url_env: TOLLGATE_TEST_UNSET_MINI_URL
              api_key_env: API_KEY_ENV
              method: POST
              body: '{"question": {{ question | json }}}'
              response:
                output: $.answer
                retrieved_ids: $.retrieved[*].id
                prompt_tokens: $.usage.promptTokens
                completion_tokens: $.usage.completionTokens
                model: $.model
              timeout_seconds: 10
            concurrency: 2
            default_assert:
              - type: recall@5
                threshold: 1
              - type: icontains-all
                threshold: 1
            tests: file://mini.cases.yaml
            gates:
              - metric: pass-rate
                min: MIN_PASS_RATE
              - metric: latency-p95
                max: 5000
            """
            .Replace("MIN_PASS_RATE", minPassRate.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("API_KEY_ENV", apiKeyEnv, StringComparison.Ordinal) + "\n");
        var cases = new StringBuilder("# Golden set for the LlmEval component tests.\n# One case per five lines.\n");
        foreach (var c in All)
        {
            cases.Append($"- id: {c.Id}\n")
                .Append($"  vars: {{ question: \"{c.Question}\" }}\n")
                .Append($"  expected_document_ids: [{c.DocumentId}]\n")
                .Append($"  expected_keywords: [\"{c.Keyword}\"]\n")
                .Append("  tags: [pricing]\n");
        }

        root.Write(CasesFile, cases.ToString());
    }
}
