namespace Tollgate.Evaluation;

/// <summary>The assertion types a suite can use (each may be prefixed with <c>not-</c> unless model-graded).</summary>
internal static class AssertionTypes
{
    /// <summary>Checks on the output text, JSON, similarity and budgets.</summary>
    public static IReadOnlyList<string> Deterministic { get; } =
    [
        "equals", "contains", "icontains", "contains-any", "icontains-any", "contains-all", "icontains-all",
        "starts-with", "regex", "is-json", "json-schema", "levenshtein", "rouge-n", "rouge-l", "bleu",
        "latency", "cost", "tokens",
    ];

    /// <summary>Checks of what the system retrieved.</summary>
    public static IReadOnlyList<string> Retrieval { get; } =
        ["recall@k", "precision@k", "mrr", "keyword-coverage", "context-tokens"];

    /// <summary>Checks graded by a judge model or embeddings.</summary>
    public static IReadOnlyList<string> ModelGraded { get; } =
    [
        "llm-rubric", "g-eval", "answer-relevance", "faithfulness", "factuality", "embedding-similarity", "pairwise",
    ];

    /// <summary>Any Microsoft.Extensions.AI.Evaluation <c>IEvaluator</c>; see <see cref="EvaluatorCheck"/>.</summary>
    public const string Evaluator = "evaluator";

    /// <summary>All types.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Deterministic, .. Retrieval, .. ModelGraded, Evaluator];

    /// <summary>Whether a check needs a judge.</summary>
    public static bool IsModelGraded(string baseType) => ModelGraded.Contains(baseType);

    /// <summary>Whether a type cannot be negated with <c>not-</c> (graded checks have no meaningful inverse).</summary>
    private static bool IsGraded(string baseType) => IsModelGraded(baseType) || baseType == Evaluator;

    /// <summary>
    /// Normalises a written type: <c>recall@5</c> becomes <c>recall@k</c> with k = 5. Returns <see langword="null"/> for
    /// an unknown type.
    /// </summary>
    public static (string Type, int? K)? Normalize(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var negated = written.StartsWith("not-", StringComparison.Ordinal);
        var baseType = negated ? written[4..] : written;
        int? k = null;
        var at = baseType.IndexOf('@', StringComparison.Ordinal);
        if (at > 0 && int.TryParse(baseType[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            k = parsed;
            baseType = baseType[..at] + "@k";
        }

        if (!All.Contains(baseType) || (negated && IsGraded(baseType)))
        {
            return null;
        }

        return ((negated ? "not-" : string.Empty) + baseType, k);
    }
}
