namespace Tollgate.Evaluation.Tests.Assertions;

/// <summary>Evaluates one assertion against a fixed response.</summary>
internal static class AssertionHarness
{
    public static AssertionResult Check(AssertionSpec spec, TargetResponse response, EvalCase? evalCase = null, double cost = 0) =>
        AssertionEvaluator.EvaluateAsync(
            spec,
            new AssertionContext(evalCase ?? TestSuites.Case("a", "q"), response, cost, JudgeServices.Unavailable("none"), null, 1),
            CancellationToken.None).GetAwaiter().GetResult();

    public static AssertionStatus Status(string type, string output, string? value = null, double? threshold = null, IReadOnlyList<string>? values = null) =>
        Check(new AssertionSpec(type) { Value = value, Threshold = threshold, Values = values ?? [] }, new TargetResponse(output)).Status;
}
