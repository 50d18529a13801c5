namespace Tollgate.Evaluation.Tests.Gates;

/// <summary>Builds run results with a given pass pattern for gate tests.</summary>
internal static class GateRun
{
    public static EvalRunResult Of(int passed, int total, int totalCases = 0, double sample = 1, long tokens = 100, double cost = 0.001, double latency = 100) =>
        new("s", [.. Enumerable.Range(0, total).Select(i => Case(i < passed, tokens, cost, latency + i))])
        {
            TotalCases = totalCases == 0 ? total : totalCases,
            SelectedCases = total,
            Sample = sample,
            Seed = 1,
        };

    private static CaseResult Case(bool passed, long tokens, double cost, double latency) =>
        new(Guid.NewGuid().ToString("N"), [],
            [new AttemptResult(1, "x", [new AssertionResult("recall@k", "recall@5", passed ? AssertionStatus.Passed : AssertionStatus.Failed, passed ? 1 : 0, "r")])
            {
                Usage = new TokenUsage(tokens, 0),
                CostUsd = cost,
                LatencyMs = latency,
            }],
            passed);
}
