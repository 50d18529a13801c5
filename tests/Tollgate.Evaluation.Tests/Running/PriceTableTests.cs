namespace Tollgate.Evaluation.Tests.Running;

public sealed class PriceTableTests
{
    [Fact]
    public void Dated_model_names_use_the_longest_known_prefix()
    {
        var table = new PriceTable();

        table.Cost("gpt-4o-mini-2024-07-18", new TokenUsage(1_000_000, 1_000_000)).Should().BeApproximately(0.75, 1e-9);
        table.Cost("gpt-4o-2024-08-06", new TokenUsage(1_000_000, 0)).Should().BeApproximately(2.5, 1e-9);
    }

    [Fact]
    public void A_suite_price_overrides_the_built_in_one_and_unknown_models_cost_nothing()
    {
        var table = new PriceTable(new Dictionary<string, ModelPrice> { ["gpt-4o-mini"] = new(1, 2), ["llama3.1"] = new(0.1, 0.1) });

        table.Cost("gpt-4o-mini", new TokenUsage(500_000, 500_000)).Should().BeApproximately(1.5, 1e-9);
        table.Cost("llama3.1", new TokenUsage(1_000_000, 0)).Should().BeApproximately(0.1, 1e-9);
        table.Cost("offline-extractive", new TokenUsage(1_000, 1_000)).Should().Be(0);
        table.Cost(null, new TokenUsage(1_000, 1_000)).Should().Be(0);
    }
}
