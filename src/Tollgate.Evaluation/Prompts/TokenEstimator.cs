namespace Tollgate.Evaluation.Prompts;

/// <summary>
/// An ESTIMATE of a text's token count, not an exact count: no tokenizer for the target model is available here, so
/// it uses the common rule of thumb for English text with BPE tokenizers, one token per four characters, rounded up.
/// Real counts differ by model and language (code and non-Latin scripts use more tokens per character), so limits
/// checked with it should keep a margin.
/// </summary>
public static class TokenEstimator
{
    /// <summary>The number of characters counted as one token.</summary>
    public const int CharactersPerToken = 4;

    /// <summary>How the estimate is computed, for messages and reports.</summary>
    public const string Method = "estimate: ceil(characters / 4), not an exact tokenizer count";

    /// <summary>The estimated token count of a text: ceil(length / 4).</summary>
    public static int Estimate(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : (text.Length + CharactersPerToken - 1) / CharactersPerToken;
}
