using Tollgate.Evaluation.Prompts;

namespace Tollgate.Evaluation;

/// <summary>Runs one assertion: templating, dispatch, negation, and "not run" for what could not run.</summary>
internal static class AssertionEvaluator
{
    /// <summary>Evaluates <paramref name="spec"/> in <paramref name="context"/>.</summary>
    public static async Task<AssertionResult> EvaluateAsync(AssertionSpec spec, AssertionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var vars = context.TemplateVariables();
        var value = spec.Value is null ? null : PromptTemplate.Parse(spec.Value).Render(vars);
        var values = spec.Values.Select(v => PromptTemplate.Parse(v).Render(vars)).ToList();
        if (values.Count == 0 && spec.BaseType.Contains("contains-a", StringComparison.Ordinal) && value is not null)
        {
            values = [value];
        }

        CheckOutcome outcome;
        try
        {
            outcome = spec.BaseType == AssertionTypes.Evaluator
                ? await EvaluatorCheck.EvaluateAsync(spec, context, cancellationToken).ConfigureAwait(false)
                : AssertionTypes.IsModelGraded(spec.BaseType)
                ? await ModelGradedChecks.EvaluateAsync(spec, context, value, values, cancellationToken).ConfigureAwait(false)
                : AssertionTypes.Retrieval.Contains(spec.BaseType)
                    ? RetrievalChecks.Evaluate(spec, context, value, values)
                    : DeterministicChecks.Evaluate(spec, context, value, values);
        }
        catch (JudgeFormatException e)
        {
            outcome = new CheckOutcome(AssertionStatus.Error, null, e.Message);
        }
        catch (Exception e) when (e is ProviderException or CacheMissException or HttpRequestException or TimeoutException or System.ClientModel.ClientResultException)
        {
            outcome = CheckOutcome.NotRun($"the judge could not run: {e.Message}");
        }

        if (spec.Negated && outcome.Status is AssertionStatus.Passed or AssertionStatus.Failed)
        {
            outcome = CheckOutcome.Of(outcome.Status == AssertionStatus.Failed, 1 - (outcome.Score ?? 0), $"not: {outcome.Reason}");
        }

        return new AssertionResult(spec.Type, spec.MetricName, outcome.Status, outcome.Score, outcome.Reason)
        {
            Weight = spec.Weight,
            Required = spec.Required,
            JudgeUsage = outcome.JudgeUsage.Total == 0 ? null : outcome.JudgeUsage,
        };
    }
}
