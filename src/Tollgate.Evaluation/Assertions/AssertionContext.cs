namespace Tollgate.Evaluation;

/// <summary>What an assertion sees: the case, the response and the judge.</summary>
/// <param name="Case">The case.</param>
/// <param name="Response">The system's response.</param>
/// <param name="CostUsd">The cost of the call.</param>
/// <param name="Judge">The judge services.</param>
/// <param name="BaselineOutput">The baseline's answer for this case, for pairwise checks.</param>
/// <param name="Attempt">The repeat number (1-based).</param>
internal sealed record AssertionContext(EvalCase Case, TargetResponse Response, double CostUsd, JudgeServices Judge, string? BaselineOutput, int Attempt)
{
    /// <summary>The variables assertion values may use: the case's vars plus expected, reference, input and question.</summary>
    public IReadOnlyDictionary<string, string> TemplateVariables()
    {
        var vars = new Dictionary<string, string>(Case.Vars, StringComparer.Ordinal)
        {
            ["expected"] = Case.Expected ?? string.Empty,
            ["reference"] = Case.Reference ?? string.Empty,
            ["input"] = Case.Input ?? string.Empty,
            ["question"] = Case.Vars.TryGetValue("question", out var q) ? q : Case.Question,
        };
        return vars;
    }
}
