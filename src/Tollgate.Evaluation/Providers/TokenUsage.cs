namespace Tollgate.Evaluation;

/// <summary>Tokens used by a call, from the provider's usage fields (or counted with the model's tokenizer when it sent none).</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
public sealed record TokenUsage(long InputTokens, long OutputTokens)
{
    /// <summary>No tokens.</summary>
    public static TokenUsage None { get; } = new(0, 0);

    /// <summary>True when the provider sent no usage and the tokens were counted with the model's tokenizer.</summary>
    public bool Estimated { get; init; }

    /// <summary>Input plus output tokens.</summary>
    public long Total => InputTokens + OutputTokens;

    /// <summary>Adds two usages.</summary>
    public static TokenUsage operator +(TokenUsage left, TokenUsage right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens) { Estimated = left.Estimated || right.Estimated };
    }

    /// <summary>Adds two usages.</summary>
    public static TokenUsage Add(TokenUsage left, TokenUsage right) => left + right;
}
