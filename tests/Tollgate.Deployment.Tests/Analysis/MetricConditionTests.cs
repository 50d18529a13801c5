using Tollgate.Deployment.Analysis;

namespace Tollgate.Deployment.Tests.Analysis;

public class MetricConditionTests
{
    [Theory]
    [InlineData("result < 0.01", 0.005, true)]
    [InlineData("result < 0.01", 0.01, false)]
    [InlineData("result <= 0.01", 0.01, true)]
    [InlineData("result > 0.8", 0.9, true)]
    [InlineData("result > 0.8", 0.8, false)]
    [InlineData("result >= 0.8", 0.8, true)]
    [InlineData("result == 1", 1, true)]
    [InlineData("result != 1", 1, false)]
    [InlineData("  result<=2.5e-1 ", 0.25, true)]
    public void A_condition_compares_the_result_with_its_threshold(string text, double value, bool met)
    {
        MetricCondition.Parse(text).IsMetBy(value).Should().Be(met);
    }

    [Fact]
    public void NaN_meets_no_condition()
    {
        MetricCondition.AtMost(1).IsMetBy(double.NaN).Should().BeFalse();
        new MetricCondition(ConditionOperator.NotEqual, 1).IsMetBy(double.NaN).Should().BeFalse();
    }

    [Theory]
    [InlineData("result < abc")]
    [InlineData("value < 1")]
    [InlineData("result ~ 1")]
    [InlineData("result < 1; File.Delete(x)")]
    public void Text_that_is_not_a_comparison_is_rejected_with_the_expected_form(string text)
    {
        var act = () => MetricCondition.Parse(text, "post-promotion.error-rate.successCondition");
        act.Should().Throw<TollgateException>()
            .WithMessage("post-promotion.error-rate.successCondition: '*' is not a condition. Expected 'result <op> <number>'*");
    }

    [Fact]
    public void A_condition_prints_as_it_is_written()
    {
        MetricCondition.LessThan(0.01).ToString().Should().Be("result < 0.01");
        MetricCondition.AtLeast(0.8).ToString().Should().Be("result >= 0.8");
        MetricCondition.Parse(MetricCondition.GreaterThan(2).ToString()).Should().Be(MetricCondition.GreaterThan(2));
    }
}
