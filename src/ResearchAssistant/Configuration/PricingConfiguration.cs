using System.Globalization;
using Tollgate.Evaluation;

namespace ResearchAssistant.Configuration;

/// <summary>
/// Reads the <c>Pricing</c> configuration section (appsettings.json or environment variables such as
/// <c>Pricing__gpt-4o-mini__InputPerMillion=0.15</c>) into the one price table Tollgate's evaluations use: the
/// section's entries override its built-in list prices.
/// </summary>
public static class PricingConfiguration
{
    /// <summary>The price table: built-in list prices, overridden by the configured models.</summary>
    public static PriceTable Read(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in section.GetChildren())
        {
            prices[model.Key] = new ModelPrice(ReadPrice(model, "InputPerMillion"), ReadPrice(model, "OutputPerMillion"));
        }

        return new PriceTable(prices);
    }

    private static double ReadPrice(IConfigurationSection model, string field)
    {
        var text = model[field];
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !double.IsFinite(value))
        {
            throw new ResearchAssistantException(
                $"Configuration 'Pricing:{model.Key}:{field}' is '{text}', expected a non-negative number of US dollars " +
                "per million tokens such as 0.15. Fix appsettings.json or the environment variable " +
                $"Pricing__{model.Key}__{field}.");
        }

        return value;
    }
}
