namespace Tollgate.Evaluation.Tests.Gates;

public sealed class StatisticsTests
{
    [Theory]
    [InlineData(9, 10, 0.5958)]
    [InlineData(90, 100, 0.8256)]
    [InlineData(10, 10, 0.7225)]
    [InlineData(0, 10, 0)]
    public void The_Wilson_lower_bound_matches_the_textbook_values(int successes, int trials, double expected) =>
        Statistics.WilsonLowerBound(successes, trials).Should().BeApproximately(expected, 0.001);

    [Fact]
    public void The_bootstrap_lower_bound_is_below_the_mean_and_reproducible()
    {
        double[] scores = [0.9, 0.8, 1, 0.7, 0.95, 0.85, 0.6, 1, 0.9, 0.75];

        var bound = Statistics.BootstrapLowerBound(scores, seed: 42);

        bound.Should().BeLessThan(scores.Average()).And.BeGreaterThan(0.7);
        Statistics.BootstrapLowerBound(scores, seed: 42).Should().Be(bound);
    }

    [Fact]
    public void Percentiles_interpolate_between_ranks()
    {
        double[] latencies = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

        Statistics.Percentile(latencies, 50).Should().Be(55);
        Statistics.Percentile(latencies, 95).Should().BeApproximately(95.5, 1e-9);
    }
}
