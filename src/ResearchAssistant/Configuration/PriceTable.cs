using System.Globalization;

namespace ResearchAssistant.Configuration;

/// <summary>
/// Model prices read from the <c>Pricing</c> configuration section (appsettings.json or environment variables such as
/// <c>Pricing__gpt-4o-mini__InputPerMillion=0.15</c>).
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices;

    public PriceTable(IReadOnlyDictionary<string, ModelPrice> prices)
    {
        _prices = new Dictionary<string, ModelPrice>(prices, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, ModelPrice> Prices => _prices;

    /// <summary>
    /// The price of a model: an exact match first, then the longest configured name that prefixes it (providers answer
    /// with dated names such as gpt-4o-mini-2024-07-18), otherwise free.
    /// </summary>
    public ModelPrice For(string model)
    {
        if (_prices.TryGetValue(model, out var exact))
        {
            return exact;
        }

        return _prices
            .Where(pair => model.StartsWith(pair.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(pair => pair.Key.Length)
            .Select(pair => pair.Value)
            .FirstOrDefault() ?? ModelPrice.Free;
    }

    public static PriceTable FromConfiguration(IConfigurationSection section)
    {
        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in section.GetChildren())
        {
            prices[model.Key] = new ModelPrice(
                ReadPrice(model, "InputPerMillion"),
                ReadPrice(model, "OutputPerMillion"));
        }

        return new PriceTable(prices);
    }

    private static decimal ReadPrice(IConfigurationSection model, string field)
    {
        var text = model[field];
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0m;
        }

        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new ResearchAssistantException(
                $"Configuration 'Pricing:{model.Key}:{field}' is '{text}', expected a non-negative number of US dollars " +
                "per million tokens such as 0.15. Fix appsettings.json or the environment variable " +
                $"Pricing__{model.Key}__{field}.");
        }

        return value;
    }
}
