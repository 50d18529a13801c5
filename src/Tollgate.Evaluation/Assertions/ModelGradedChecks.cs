using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>Checks graded by a judge model or by embeddings.</summary>
internal static class ModelGradedChecks
{
    private const string ScoreShape = """{"score": <integer 1-5>, "reasoning": "<one or two sentences>"}""";

    public static async Task<CheckOutcome> EvaluateAsync(AssertionSpec spec, AssertionContext context, string? value, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        var services = context.Judge;
        if (spec.BaseType == "embedding-similarity")
        {
            return services.Embeddings is null
                ? CheckOutcome.NotRun(services.UnavailableReason ?? "no embedding model configured (judge.embedding_model)")
                : await EmbeddingSimilarityAsync(spec, context, value, cancellationToken).ConfigureAwait(false);
        }

        if (services.Chat is null || services.Model is null)
        {
            return CheckOutcome.NotRun(services.UnavailableReason ?? "no judge model configured (judge.model)");
        }

        var judge = new Judge(services.Chat, services.Model);
        try
        {
            var outcome = await JudgeAsync(judge, spec, context, value, values, cancellationToken).ConfigureAwait(false);
            return outcome with { JudgeUsage = judge.Usage };
        }
        catch (JudgeFormatException e)
        {
            return new CheckOutcome(AssertionStatus.Error, null, e.Message) { JudgeUsage = judge.Usage };
        }
    }

    private static async Task<CheckOutcome> JudgeAsync(Judge judge, AssertionSpec spec, AssertionContext context, string? value, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        var question = context.Case.Question;
        var output = context.Response.Output;
        switch (spec.BaseType)
        {
            case "llm-rubric":
                return await RubricAsync(judge, "You grade an AI system's output against a rubric.", $"Rubric: {value}\n\nQuestion: {question}\n\nOutput:\n{output}", spec, context, cancellationToken).ConfigureAwait(false);
            case "g-eval":
                var steps = new StringBuilder();
                for (var i = 0; i < values.Count; i++)
                {
                    steps.Append(CultureInfo.InvariantCulture, $"{i + 1}. {values[i]}\n");
                }

                return await RubricAsync(judge, "You evaluate an AI system's output by following the evaluation steps, then scoring the criteria.",
                    $"Criteria: {value}\n\nEvaluation steps:\n{steps}\nQuestion: {question}\n\nOutput:\n{output}", spec, context, cancellationToken).ConfigureAwait(false);
            case "answer-relevance":
                return await RubricAsync(judge, "You judge whether an answer addresses the question asked (5: fully and only; 1: unrelated).",
                    $"Question: {question}\n\nAnswer:\n{output}", spec, context, cancellationToken).ConfigureAwait(false);
            case "factuality":
                var reference = value ?? context.Case.Reference ?? context.Case.Expected;
                return reference is null
                    ? CheckOutcome.Skipped("the case has no reference or expected answer")
                    : await RubricAsync(judge, "You judge whether an answer is factually consistent with a reference answer (5: consistent; 1: contradicts it).",
                        $"Question: {question}\n\nReference:\n{reference}\n\nAnswer:\n{output}", spec, context, cancellationToken).ConfigureAwait(false);
            case "faithfulness":
                return await FaithfulnessAsync(judge, spec, context, cancellationToken).ConfigureAwait(false);
            case "pairwise":
                return await PairwiseAsync(judge, spec, context, cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"'{spec.Type}' is not a model-graded check");
        }
    }

    private static async Task<CheckOutcome> RubricAsync(Judge judge, string system, string user, AssertionSpec spec, AssertionContext context, CancellationToken cancellationToken)
    {
        var verdict = await judge.AskAsync(system, user, ScoreShape, ["score"], context, cancellationToken).ConfigureAwait(false);
        if (!verdict.GetProperty("score").TryGetDouble(out var raw) || raw is < 1 or > 5)
        {
            throw new JudgeFormatException($"the judge's score {verdict.GetProperty("score").GetRawText()} is not a number from 1 to 5");
        }

        var score = (raw - 1) / 4;
        var threshold = spec.Threshold ?? 0.75;
        var reasoning = verdict.TryGetProperty("reasoning", out var r) ? r.ToString() : string.Empty;
        return CheckOutcome.Of(score >= threshold, score, string.Create(CultureInfo.InvariantCulture, $"judge score {raw:0.#}/5 (threshold {threshold:0.##}): {reasoning}"));
    }

    private static async Task<CheckOutcome> FaithfulnessAsync(Judge judge, AssertionSpec spec, AssertionContext context, CancellationToken cancellationToken)
    {
        var documents = context.Response.RetrievedTexts.Concat(context.Case.Context).ToList();
        if (documents.Count == 0)
        {
            return CheckOutcome.NotRun("no context: the provider returned no retrieved text and the case has no context");
        }

        var verdict = await judge.AskAsync(
            "You check whether each factual claim in an answer is supported by the context documents.",
            $"Context:\n{string.Join("\n---\n", documents)}\n\nAnswer:\n{context.Response.Output}",
            """{"claims": [{"claim": "<claim>", "supported": true|false}]}""", ["claims"], context, cancellationToken).ConfigureAwait(false);
        var claims = verdict.GetProperty("claims");
        if (claims.ValueKind != JsonValueKind.Array)
        {
            throw new JudgeFormatException("the judge's 'claims' is not a list");
        }

        var total = claims.GetArrayLength();
        var supported = claims.EnumerateArray().Count(c => c.TryGetProperty("supported", out var s) && s.ValueKind == JsonValueKind.True);
        var score = total == 0 ? 1 : supported / (double)total;
        var threshold = spec.Threshold ?? 0.8;
        return CheckOutcome.Of(score >= threshold, score, $"{supported}/{total} claims supported by the context");
    }

    private static async Task<CheckOutcome> PairwiseAsync(Judge judge, AssertionSpec spec, AssertionContext context, CancellationToken cancellationToken)
    {
        if (context.BaselineOutput is null)
        {
            return CheckOutcome.NotRun("no baseline answer for this case; write one with --update-baseline");
        }

        var verdict = await judge.AskAsync(
            "You compare two answers to the same question and pick the better one.",
            $"Question: {context.Case.Question}\n\nAnswer A:\n{context.Response.Output}\n\nAnswer B:\n{context.BaselineOutput}",
            """{"winner": "A"|"B"|"tie", "reasoning": "<one sentence>"}""", ["winner"], context, cancellationToken).ConfigureAwait(false);
        var winner = verdict.GetProperty("winner").ToString();
        var score = winner switch
        {
            "A" => 1,
            "tie" => 0.5,
            "B" => 0,
            _ => throw new JudgeFormatException($"the judge's winner '{winner}' is not A, B or tie"),
        };
        var threshold = spec.Threshold ?? 0.5;
        return CheckOutcome.Of(score >= threshold, score, winner switch
        {
            "A" => "preferred to the baseline's answer",
            "tie" => "as good as the baseline's answer",
            _ => "the baseline's answer is preferred",
        });
    }

    private static async Task<CheckOutcome> EmbeddingSimilarityAsync(AssertionSpec spec, AssertionContext context, string? value, CancellationToken cancellationToken)
    {
        var expected = value ?? context.Case.Expected ?? context.Case.Reference;
        if (expected is null)
        {
            return CheckOutcome.Skipped("no value, expected or reference to compare with");
        }

        var embeddings = await context.Judge.Embeddings!.GenerateAsync([context.Response.Output, expected], new EmbeddingGenerationOptions
        {
            AdditionalProperties = new AdditionalPropertiesDictionary { [CachingChatClient.LabelProperty] = $"{context.Case.Id} (embedding)" },
        }, cancellationToken).ConfigureAwait(false);
        var similarity = SimilarityMetrics.Cosine(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        var threshold = spec.Threshold ?? 0.8;
        return CheckOutcome.Of(similarity >= threshold, Math.Max(0, similarity), $"cosine similarity {similarity:0.###} (threshold {threshold:0.##})");
    }
}
