namespace Tollgate.Evaluation.Tests.Reports;

/// <summary>A small run with a passing case, a failing case and an errored case, gated against a baseline.</summary>
internal static class ReportFixture
{
    public static async Task<ReportContext> CreateAsync()
    {
        var suite = new EvalSuite("research-assistant", new ProviderSpec("app", ProviderKind.Delegate), [
            TestSuites.Case("pricing-team", "Team?", "$12"),
            TestSuites.Case("refund <policy>", "Refunds?", "30 days"),
            TestSuites.Case("broken", "x", "y"),
        ])
        {
            DefaultAssertions = [new AssertionSpec("icontains-all")],
            Gates = [new GateSpec("pass-rate") { Min = 0.9 }],
        };
        var options = EvalRunOptions.Default.WithConcurrency(1).WithDelegate("app", (c, _) => c.Id == "broken"
            ? Task.FromException<TargetResponse>(new ProviderException("service returned 500 for key sk-secret-123"))
            : Task.FromResult(new TargetResponse(c.Id == "pricing-team" ? "It is $12 a seat." : "Within 14 days.") { LatencyMs = 40, Usage = new TokenUsage(50, 10) }));
        var run = await new EvaluationRunner().RunAsync(suite, options, null, CancellationToken.None);
        var baseline = new Baseline("research-assistant", DateTimeOffset.UnixEpoch, new Dictionary<string, double> { ["pass-rate"] = 1 },
            new Dictionary<string, BaselineCase> { ["refund <policy>"] = new(true, 1, "Within 30 days.", 40, 60, 0, new Dictionary<string, double>()) });
        return new ReportContext(suite, run, new GateEvaluator(GateOptions.Default).Evaluate(suite, run, baseline), baseline);
    }
}
