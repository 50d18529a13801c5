using Microsoft.Extensions.Configuration;
using ResearchAssistant.Configuration;
using Tollgate.Evaluation;

namespace ResearchAssistant.Tests;

/// <summary>The service prices tokens with Tollgate's one price table; its Pricing section adds or overrides models.</summary>
public sealed class PricingConfigurationTests
{
    [Fact]
    public void Built_in_prices_apply_and_the_Pricing_section_overrides_them_and_adds_models()
    {
        var table = PricingConfiguration.Read(Section(new()
        {
            ["Pricing:gpt-4o:InputPerMillion"] = "1",
            ["Pricing:gpt-4o:OutputPerMillion"] = "2",
            ["Pricing:my-deployment:InputPerMillion"] = "0.5",
        }));
        var million = new TokenUsage(1_000_000, 1_000_000);

        table.Cost("gpt-4o-mini-2024-07-18", million).Should().BeApproximately(0.15 + 0.60, 1e-9, "the built-in price of its longest prefix");
        table.Cost("gpt-4o", million).Should().BeApproximately(3, 1e-9, "configured prices override the built-in ones");
        table.Cost("my-deployment", million).Should().BeApproximately(0.5, 1e-9, "a missing output price is free");
        table.Cost("llama3.1", million).Should().Be(0);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("cheap")]
    public void A_price_that_is_not_a_non_negative_number_names_the_key_and_the_environment_variable(string value)
    {
        var act = () => PricingConfiguration.Read(Section(new() { ["Pricing:gpt-4o:OutputPerMillion"] = value }));

        act.Should().Throw<ResearchAssistantException>()
            .WithMessage($"*'Pricing:gpt-4o:OutputPerMillion' is '{value}'*non-negative*Pricing__gpt-4o__OutputPerMillion*");
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Pricing");
}
