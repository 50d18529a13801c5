using Tollgate.Evaluation.Prompts;

namespace Tollgate.Evaluation;

/// <summary>Checks of what the system retrieved: recall@k, precision@k, MRR, keyword coverage, context size.</summary>
internal static class RetrievalChecks
{
    public static CheckOutcome Evaluate(AssertionSpec spec, AssertionContext context, string? value, IReadOnlyList<string> values)
    {
        var retrieved = context.Response.RetrievedIds;
        var expected = values.Count > 0 ? values : context.Case.ExpectedDocumentIds;
        switch (spec.BaseType)
        {
            case "recall@k" or "precision@k" or "mrr" when expected.Count == 0:
                return CheckOutcome.Skipped("the case has no expected_document_ids");
            case "recall@k":
                var top = retrieved.Take(spec.K!.Value).ToHashSet(StringComparer.Ordinal);
                var hits = expected.Count(top.Contains);
                var recall = hits / (double)expected.Count;
                return Scored(recall, spec.Threshold ?? 1, $"recall@{spec.K} {recall:0.###}: {hits}/{expected.Count} expected documents in the top {spec.K}" + Missing(expected, top));
            case "precision@k":
                var topK = retrieved.Take(spec.K!.Value).ToList();
                var relevant = topK.Count(expected.Contains);
                var precision = topK.Count == 0 ? 0 : relevant / (double)topK.Count;
                return Scored(precision, spec.Threshold ?? 0.2, $"precision@{spec.K} {precision:0.###}: {relevant}/{topK.Count} retrieved documents are expected");
            case "mrr":
                var rank = retrieved.Select((id, i) => (id, i)).FirstOrDefault(x => expected.Contains(x.id)).i;
                var first = retrieved.Any(expected.Contains) ? rank + 1 : 0;
                var mrr = first == 0 ? 0 : 1d / first;
                return Scored(mrr, spec.Threshold ?? 0.5, first == 0 ? "no expected document retrieved" : $"first expected document at rank {first}");
            case "keyword-coverage":
                var keywords = values.Count > 0 ? values : context.Case.ExpectedKeywords;
                if (keywords.Count == 0)
                {
                    return CheckOutcome.Skipped("the case has no expected_keywords");
                }

                if (context.Response.RetrievedTexts.Count == 0)
                {
                    return CheckOutcome.NotRun("the provider returned no retrieved text; map it with provider.response.retrieved_text");
                }

                var text = string.Join('\n', context.Response.RetrievedTexts);
                var missing = keywords.Where(k => !text.Contains(k, StringComparison.OrdinalIgnoreCase)).ToList();
                var coverage = (keywords.Count - missing.Count) / (double)keywords.Count;
                return Scored(coverage, spec.Threshold ?? 1, $"keyword coverage {coverage:0.###}" + (missing.Count == 0 ? string.Empty : $"; missing {string.Join(", ", missing)}"));
            case "context-tokens":
                var tokens = context.Response.RetrievedTexts.Sum(text => TokenCounter.Count(text, context.Response.Model));
                var limit = double.Parse(value!, System.Globalization.CultureInfo.InvariantCulture);
                return CheckOutcome.Of(tokens <= limit, tokens <= limit ? 1 : 0, $"context of {tokens} tokens ({TokenCounter.EncodingFor(context.Response.Model)}; at most {limit})");
            default:
                throw new InvalidOperationException($"'{spec.Type}' is not a retrieval check");
        }
    }

    private static CheckOutcome Scored(double score, double threshold, string reason) =>
        CheckOutcome.Of(score >= threshold, score, reason);

    private static string Missing(IReadOnlyList<string> expected, HashSet<string> top)
    {
        var missing = expected.Where(e => !top.Contains(e)).ToList();
        return missing.Count == 0 ? string.Empty : $"; missing {string.Join(", ", missing)}";
    }
}
