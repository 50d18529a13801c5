namespace Tollgate.Evaluation.Tests.Gates;

public sealed class BaselineTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_baseline_round_trips_with_per_case_and_per_metric_results()
    {
        var store = new BaselineStore(Path.Combine(_dir.Path, "s.baseline.json"));

        var saved = store.Save(GateRun.Of(8, 10));
        var loaded = store.Load()!;

        loaded.Metrics["pass-rate"].Should().Be(0.8);
        loaded.Metrics.Should().ContainKey("score:recall@5");
        loaded.Cases.Should().HaveCount(10);
        loaded.Cases.Values.Should().OnlyContain(c => c.Metrics.ContainsKey("recall@5") && c.Output == "x");
        loaded.Cases.Keys.Should().BeEquivalentTo(saved.Cases.Keys);
    }

    [Fact]
    public void A_metric_that_drops_more_than_the_tolerance_fails()
    {
        var baseline = new BaselineStore(Path.Combine(_dir.Path, "s.baseline.json")).Save(GateRun.Of(100, 100));

        var small = Evaluate(GateRun.Of(96, 100), baseline, GateOptions.Default);
        var large = Evaluate(GateRun.Of(90, 100), baseline, GateOptions.Default);

        small.Passed.Should().BeTrue();
        large.Failures.Should().Contain(f => f.StartsWith("pass-rate: dropped 10.0 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Token_growth_over_ten_percent_fails()
    {
        var baseline = new BaselineStore(Path.Combine(_dir.Path, "s.baseline.json")).Save(GateRun.Of(10, 10, tokens: 100));

        Evaluate(GateRun.Of(10, 10, tokens: 109), baseline, GateOptions.Default).Passed.Should().BeTrue();
        Evaluate(GateRun.Of(10, 10, tokens: 115), baseline, GateOptions.Default).Failures.Should().ContainSingle(f => f.StartsWith("tokens-per-case", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cost_increase_needs_approval()
    {
        var baseline = new BaselineStore(Path.Combine(_dir.Path, "s.baseline.json")).Save(GateRun.Of(10, 10, cost: 0.001));
        var pricier = GateRun.Of(10, 10, cost: 0.0013);
        var eventFile = Path.Combine(_dir.Path, "event.json");
        File.WriteAllText(eventFile, """{"pull_request": {"number": 7, "labels": [{"name": "docs"}, {"name": "cost-increase-approved"}]}}""");

        var unapproved = Evaluate(pricier, baseline, GateOptions.Default);
        var byLabel = Evaluate(pricier, baseline, GateOptions.Default.WithCostIncreaseApproved(CostApproval.IsApproved(false, eventFile)));

        unapproved.Failures.Should().ContainSingle().Which.Should().Contain("cost-per-run: rose 30.0 %").And.Contain("cost-increase-approved");
        byLabel.Passed.Should().BeTrue();
        CostApproval.IsApproved(false, Path.Combine(_dir.Path, "missing.json")).Should().BeFalse();
        CostApproval.IsApproved(true, null).Should().BeTrue();
    }

    private static GateReport Evaluate(EvalRunResult run, Baseline baseline, GateOptions options) =>
        new GateEvaluator(options).Evaluate(new EvalSuite("s", new ProviderSpec("app", ProviderKind.Delegate), []), run, baseline);
}
