using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Tollgate.Evaluation;

/// <summary>
/// Runs any Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/> as a suite assertion (<c>type: evaluator</c>,
/// <c>value: Namespace.Type, Assembly</c> in YAML, or <see cref="AssertionSpec.Evaluator"/> in code). The evaluator gets
/// the question as the user message, the output as the response, the judge as its <see cref="ChatConfiguration"/>, and
/// a <see cref="TollgateEvaluationContext"/> with the expected answer, reference and retrieved passages. Its metric becomes the score:
/// booleans 1/0, Microsoft's 1–5 ratings (a number with an interpretation, or above 1) as (v − 1) / 4, other numbers in 0–1 as they are, string metrics by their rating.
/// Pass/fail follows the metric's interpretation, or the assertion's threshold (default 0.5). A metric without a value,
/// an inconclusive rating, an error diagnostic or an exception is "not run", never a failure.
/// </summary>
internal static class EvaluatorCheck
{
    /// <summary>The name of the <see cref="EvaluationContext"/> Tollgate passes.</summary>
    public const string ContextName = "Tollgate";

    private const double DefaultThreshold = 0.5;

    /// <summary>Finds and creates an evaluator from a type name (<c>Namespace.Type, Assembly</c>) with a parameterless constructor.</summary>
    /// <returns>The evaluator, or why it cannot be created (with the fix).</returns>
    public static (IEvaluator? Evaluator, string? Problem) Create(string typeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        var type = Type.GetType(typeName, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(typeName, throwOnError: false)).FirstOrDefault(found => found is not null);
        if (type is null)
        {
            return (null, $"no type '{typeName}' is loaded; write the assembly-qualified name ('Namespace.Type, Assembly') and reference the assembly from the build project");
        }

        if (!typeof(IEvaluator).IsAssignableFrom(type) || type.IsAbstract)
        {
            return (null, $"'{type.FullName}' does not implement Microsoft.Extensions.AI.Evaluation.IEvaluator");
        }

        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            return (null, $"'{type.FullName}' has no parameterless constructor; add one, or build the suite in code with AssertionSpec.Evaluator");
        }

        return ((IEvaluator)Activator.CreateInstance(type)!, null);
    }

    /// <summary>Runs the evaluator of <paramref name="spec"/> and maps its metric.</summary>
    internal static async Task<CheckOutcome> EvaluateAsync(AssertionSpec spec, AssertionContext context, CancellationToken cancellationToken)
    {
        var evaluator = spec.Evaluator ?? throw new InvalidOperationException($"'{spec.Type}' has no evaluator");
        EvaluationResult result;
        try
        {
            result = await evaluator.EvaluateAsync(
                [new ChatMessage(ChatRole.User, context.TemplateVariables()["question"])],
                new ChatResponse(new ChatMessage(ChatRole.Assistant, context.Response.Output)) { ModelId = context.Response.Model },
                context.Judge.Chat is { } judge ? new ChatConfiguration(judge) : null,
                [TollgateContext(context)],
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return CheckOutcome.NotRun($"{evaluator.GetType().Name} could not run: {e.Message}");
        }

        var name = spec.Metric ?? evaluator.EvaluationMetricNames.FirstOrDefault();
        var metric = name is not null && result.Metrics.TryGetValue(name, out var named) ? named
            : spec.Metric is null && result.Metrics.Count == 1 ? result.Metrics.Values.Single()
            : null;
        return metric is null
            ? new CheckOutcome(AssertionStatus.Error, null, $"{evaluator.GetType().Name} returned no metric '{name}'; it returned {string.Join(", ", result.Metrics.Keys)}. Set 'metric' to one of them")
            : Map(metric, spec.Threshold);
    }

    /// <summary>Maps one metric to a status and a 0–1 score.</summary>
    internal static CheckOutcome Map(EvaluationMetric metric, double? threshold)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var detail = metric.Reason ?? metric.Interpretation?.Reason;
        var why = detail is null ? string.Empty : $": {detail}";
        if (metric.Diagnostics?.FirstOrDefault(d => d.Severity == EvaluationDiagnosticSeverity.Error) is { } error)
        {
            return CheckOutcome.NotRun($"{metric.Name} did not run: {error.Message}");
        }

        if (metric.Interpretation?.Rating is EvaluationRating.Inconclusive)
        {
            return CheckOutcome.NotRun($"{metric.Name} was inconclusive{why}");
        }

        double? score = metric switch
        {
            BooleanMetric { Value: { } flag } => flag ? 1 : 0,
            NumericMetric { Value: { } number } => IsRating(metric, number) ? Math.Clamp((number - 1) / 4, 0, 1) : number,
            StringMetric when metric.Interpretation?.Rating is { } rating => RatingScore(rating),
            _ => null,
        };
        if (score is not { } value)
        {
            return CheckOutcome.NotRun($"{metric.Name} has no value{why}");
        }

        var passed = threshold is { } limit ? value >= limit : metric.Interpretation is { } interpretation ? !interpretation.Failed : value >= DefaultThreshold;
        var shown = metric is NumericMetric { Value: { } raw } && IsRating(metric, raw) ? string.Create(CultureInfo.InvariantCulture, $"{raw:0.##} → {value:0.###}") : value.ToString("0.###", CultureInfo.InvariantCulture);
        return CheckOutcome.Of(passed, value, $"{metric.Name} {shown}{why}");
    }

    // Microsoft's quality evaluators rate 1–5 and interpret the rating; a number with an interpretation, or above 1, is
    // read as such a rating. Without an interpretation a number in 0–1 is a score already.
    private static bool IsRating(EvaluationMetric metric, double number) => metric.Interpretation is not null || number > 1;

    private static double? RatingScore(EvaluationRating rating) => rating switch
    {
        EvaluationRating.Exceptional => 1,
        EvaluationRating.Good => 0.75,
        EvaluationRating.Average => 0.5,
        EvaluationRating.Poor => 0.25,
        EvaluationRating.Unacceptable => 0,
        _ => null,
    };

    private static TollgateEvaluationContext TollgateContext(AssertionContext context) =>
        new(context.TemplateVariables(), context.Response.RetrievedTexts);
}
