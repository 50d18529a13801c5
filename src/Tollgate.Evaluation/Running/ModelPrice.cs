namespace Tollgate.Evaluation;

/// <summary>A model's price in USD per million input and output tokens.</summary>
/// <param name="InputPerMillion">USD per million input (prompt) tokens.</param>
/// <param name="OutputPerMillion">USD per million output (completion) tokens.</param>
public sealed record ModelPrice(double InputPerMillion, double OutputPerMillion)
{
    /// <summary>The cost of a call.</summary>
    public double Cost(TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return ((usage.InputTokens * InputPerMillion) + (usage.OutputTokens * OutputPerMillion)) / 1_000_000d;
    }
}
