namespace Tollgate.Evaluation.Prompts;

/// <summary>What <see cref="PromptValidator"/> checks beyond the fixed rules.</summary>
/// <param name="MaxEstimatedTokens">
/// The limit for the system and user templates together, in ESTIMATED tokens (see <see cref="TokenEstimator"/>),
/// before variables are filled in.
/// </param>
/// <param name="CheckFileName">Whether <c>prompts/&lt;name&gt;/&lt;version&gt;.yaml</c> must match the file's name and version.</param>
public sealed record PromptValidationOptions(int MaxEstimatedTokens = 2000, bool CheckFileName = true)
{
    /// <summary>The defaults: 2,000 estimated tokens, file names checked.</summary>
    public static PromptValidationOptions Default { get; } = new();

    /// <summary>Sets the token limit.</summary>
    public PromptValidationOptions WithMaxEstimatedTokens(int maxEstimatedTokens) => this with { MaxEstimatedTokens = maxEstimatedTokens };

    /// <summary>Sets whether file names are checked.</summary>
    public PromptValidationOptions WithCheckFileName(bool checkFileName) => this with { CheckFileName = checkFileName };
}
