namespace Tollgate.Evaluation.Prompts;

/// <summary>What <see cref="PromptValidator"/> checks beyond the fixed rules.</summary>
/// <param name="MaxTokens">
/// The limit for the system and user templates together, in tokens counted by <see cref="TokenCounter"/> with the
/// encoding of the prompt's <c>model</c> (o200k_base when it names none), before variables are filled in.
/// </param>
/// <param name="CheckFileName">Whether <c>prompts/&lt;name&gt;/&lt;version&gt;.yaml</c> must match the file's name and version.</param>
public sealed record PromptValidationOptions(int MaxTokens = 2000, bool CheckFileName = true)
{
    /// <summary>The defaults: 2,000 tokens, file names checked.</summary>
    public static PromptValidationOptions Default { get; } = new();

    /// <summary>Sets the token limit.</summary>
    public PromptValidationOptions WithMaxTokens(int maxTokens) => this with { MaxTokens = maxTokens };

    /// <summary>Sets whether file names are checked.</summary>
    public PromptValidationOptions WithCheckFileName(bool checkFileName) => this with { CheckFileName = checkFileName };
}
