namespace Tollgate.Evaluation.Tests.Gates;

public sealed class GateEvaluatorTests
{
    private static readonly ProviderSpec Provider = new("app", ProviderKind.Delegate);

    [Fact]
    public void A_full_run_gates_on_the_point_estimate()
    {
        var suite = Suite(new GateSpec("pass-rate") { Min = 0.85 });

        var report = new GateEvaluator(GateOptions.Default).Evaluate(suite, GateRun.Of(9, 10), null);

        report.Passed.Should().BeTrue();
        report.Outcomes.Single(o => o.Metric == "pass-rate").Value.Should().Be(0.9);
    }

    [Fact]
    public void A_sampled_run_does_not_pass_on_luck()
    {
        var suite = Suite(new GateSpec("pass-rate") { Min = 0.85 });

        var report = new GateEvaluator(GateOptions.Default).Evaluate(suite, GateRun.Of(9, 10, totalCases: 100, sample: 0.1), null);

        report.Passed.Should().BeFalse();
        report.Failures.Single().Should().Contain("95 % lower bound 59.6 % is below 85.0 %").And.Contain("point estimate 90.0 %");
    }

    [Fact]
    public void Latency_tokens_and_projected_daily_cost_gate_on_maximums()
    {
        var suite = Suite(new GateSpec("latency-p95") { Max = 50 }, new GateSpec("tokens-per-case") { Max = 1000 }, new GateSpec("cost-per-day") { Max = 0.5, RunsPerDay = 24 });

        var report = new GateEvaluator(GateOptions.Default).Evaluate(suite, GateRun.Of(10, 10, totalCases: 40, cost: 0.001), null);

        report.Failures.Should().HaveCount(2);
        report.Failures.Should().Contain(f => f.StartsWith("latency-p95", StringComparison.Ordinal));
        report.Failures.Should().Contain("cost-per-day: $0.96 is above the maximum $0.5", "10 of 40 cases cost $0.01, so a full run costs $0.04 and 24 runs $0.96");
        report.Outcomes.Single(o => o.Metric == "cost-per-day").Value.Should().BeApproximately(0.96, 1e-9);
    }

    [Fact]
    public void A_gate_on_a_metric_no_check_produces_names_the_nearest()
    {
        var report = new GateEvaluator(GateOptions.Default).Evaluate(Suite(new GateSpec("score:recall@6") { Min = 0.5 }), GateRun.Of(1, 1), null);

        report.Failures.Single().Should().Contain("did you mean 'score:recall@5'?");
    }

    [Fact]
    public void A_tag_gates_on_its_own_pass_rate_and_lower_bound()
    {
        var run = GateRun.Of(10, 10);
        run = run with { Cases = [.. run.Cases.Select((c, i) => c with { Tags = i < 4 ? ["pricing"] : ["other"] })] };

        var report = new GateEvaluator(GateOptions.Default).Evaluate(Suite(new GateSpec("pass-rate:pricing") { Min = 0.9 }), run, null);

        report.Metrics.Values["pass-rate:pricing"].Should().Be(1);
        report.Failures.Single().Should().Contain("95 % lower bound 51.0 % is below 90.0 %", "4 of 4 is not enough evidence for 90 %");
        MarkdownReport.Render(new ReportContext(Suite(), run, report, null)).Should().Contain("| pricing | 100.0 % | 51.0 % |");
    }

    private static EvalSuite Suite(params GateSpec[] gates) => new("s", Provider, []) { Gates = gates };
}
