namespace ResearchAssistant.Configuration;

/// <summary>Price of one model in US dollars per million input and output tokens.</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>Costs nothing: the offline answerer and models missing from the price table.</summary>
    public static ModelPrice Free { get; } = new(0m, 0m);

    /// <summary>The cost of one call in US dollars.</summary>
    public decimal CostOf(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}
