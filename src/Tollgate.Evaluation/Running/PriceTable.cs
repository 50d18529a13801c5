namespace Tollgate.Evaluation;

/// <summary>Prices per model; a suite's <c>prices:</c> section overrides the built-in entries.</summary>
public sealed class PriceTable
{
    private static readonly Dictionary<string, ModelPrice> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = new(2.50, 10.00),
        ["gpt-4o-mini"] = new(0.15, 0.60),
        ["gpt-4.1"] = new(2.00, 8.00),
        ["gpt-4.1-mini"] = new(0.40, 1.60),
        ["gpt-4.1-nano"] = new(0.10, 0.40),
        ["text-embedding-3-small"] = new(0.02, 0),
        ["text-embedding-3-large"] = new(0.13, 0),
    };

    private readonly Dictionary<string, ModelPrice> _prices;

    /// <summary>Creates a table from the built-in prices and <paramref name="overrides"/>.</summary>
    public PriceTable(IReadOnlyDictionary<string, ModelPrice>? overrides = null)
    {
        _prices = new Dictionary<string, ModelPrice>(BuiltIn, StringComparer.OrdinalIgnoreCase);
        foreach (var (model, price) in overrides ?? new Dictionary<string, ModelPrice>())
        {
            _prices[model] = price;
        }
    }

    /// <summary>The cost of a call to <paramref name="model"/>, or 0 for an unknown model (e.g. a local one).</summary>
    public double Cost(string? model, TokenUsage usage)
    {
        if (model is null)
        {
            return 0;
        }

        // Providers report dated snapshots ("gpt-4o-mini-2024-07-18"): fall back to the longest known prefix.
        if (_prices.TryGetValue(model, out var price))
        {
            return price.Cost(usage);
        }

        var prefix = _prices.Keys.Where(k => model.StartsWith(k, StringComparison.OrdinalIgnoreCase)).MaxBy(k => k.Length);
        return prefix is null ? 0 : _prices[prefix].Cost(usage);
    }
}
