using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tollgate.Evaluation;

/// <summary>Checks of the output text, JSON, similarity and budgets, before negation.</summary>
internal static class DeterministicChecks
{
    public static CheckOutcome Evaluate(AssertionSpec spec, AssertionContext context, string? value, IReadOnlyList<string> values)
    {
        var output = context.Response.Output;
        switch (spec.BaseType)
        {
            case "equals":
                return CheckOutcome.Of(output == value, output == value ? 1 : 0, output == value ? "output equals the value" : $"expected '{value}'");
            case "contains":
            case "icontains":
                var comparison = spec.BaseType == "contains" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                var found = output.Contains(value!, comparison);
                return CheckOutcome.Of(found, found ? 1 : 0, found ? $"contains '{value}'" : $"does not contain '{value}'");
            case "contains-any" or "icontains-any" or "contains-all" or "icontains-all":
                return Keywords(spec, output, values.Count > 0 ? values : context.Case.ExpectedKeywords);
            case "starts-with":
                var starts = output.StartsWith(value!, StringComparison.Ordinal);
                return CheckOutcome.Of(starts, starts ? 1 : 0, starts ? $"starts with '{value}'" : $"does not start with '{value}'");
            case "regex":
                var match = Regex.IsMatch(output, value!, RegexOptions.None, TimeSpan.FromSeconds(1));
                return CheckOutcome.Of(match, match ? 1 : 0, match ? $"matches /{value}/" : $"does not match /{value}/");
            case "is-json":
                return IsJson(output);
            case "json-schema":
                return JsonSchemaCheck.Evaluate(output, spec.Schema!);
            case "levenshtein":
                var distance = NameSuggestions.Distance(output, value!);
                var maxDistance = spec.Threshold ?? 5;
                return CheckOutcome.Of(distance <= maxDistance, 1 - (distance / (double)Math.Max(1, Math.Max(output.Length, value!.Length))), $"edit distance {distance} (at most {maxDistance})");
            case "rouge-n":
                return Similarity(SimilarityMetrics.RougeN(output, Reference(context, value), spec.K ?? 1), spec.Threshold ?? 0.75, "ROUGE-N");
            case "rouge-l":
                return Similarity(SimilarityMetrics.RougeL(output, Reference(context, value)), spec.Threshold ?? 0.75, "ROUGE-L");
            case "bleu":
                return Similarity(SimilarityMetrics.Bleu(output, Reference(context, value)), spec.Threshold ?? 0.5, "BLEU");
            case "latency":
                return AtMost(context.Response.LatencyMs, Number(value), "latency", "ms");
            case "cost":
                return AtMost(context.CostUsd, Number(value), "cost", "USD");
            case "tokens":
                return AtMost(context.Response.Usage.Total, Number(value), "tokens", "tokens");
            default:
                throw new InvalidOperationException($"'{spec.Type}' is not a deterministic check");
        }
    }

    private static CheckOutcome Keywords(AssertionSpec spec, string output, IReadOnlyList<string> keywords)
    {
        if (keywords.Count == 0)
        {
            return CheckOutcome.Skipped("no keywords: give a value list or expected_keywords on the case");
        }

        var comparison = spec.BaseType.StartsWith('i') ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var missing = keywords.Where(k => !output.Contains(k, comparison)).ToList();
        var fraction = (keywords.Count - missing.Count) / (double)keywords.Count;
        if (spec.BaseType.EndsWith("-any", StringComparison.Ordinal))
        {
            var any = missing.Count < keywords.Count;
            return CheckOutcome.Of(any, any ? 1 : 0, any ? "contains at least one keyword" : $"contains none of {string.Join(", ", keywords)}");
        }

        var passed = fraction >= (spec.Threshold ?? 1);
        return CheckOutcome.Of(passed, fraction, missing.Count == 0 ? "contains every keyword" : $"missing {string.Join(", ", missing.Select(m => $"'{m}'"))}");
    }

    private static CheckOutcome IsJson(string output)
    {
        try
        {
            using var _ = JsonDocument.Parse(output);
            return CheckOutcome.Of(true, 1, "valid JSON");
        }
        catch (JsonException e)
        {
            return CheckOutcome.Of(false, 0, $"not JSON: {e.Message}");
        }
    }

    private static string Reference(AssertionContext context, string? value) =>
        value ?? context.Case.Reference ?? context.Case.Expected ?? string.Empty;

    private static CheckOutcome Similarity(double score, double threshold, string name) =>
        CheckOutcome.Of(score >= threshold, score, $"{name} {score:0.###} (threshold {threshold:0.###})");

    private static CheckOutcome AtMost(double actual, double limit, string what, string unit) =>
        CheckOutcome.Of(actual <= limit, actual <= limit ? 1 : 0, string.Create(CultureInfo.InvariantCulture, $"{what} {actual:0.####} {unit} (at most {limit:0.####})"));

    private static double Number(string? value) => double.Parse(value!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
