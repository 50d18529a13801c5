namespace ResearchAssistant.Prompts;

/// <summary>Model settings declared by a prompt file (<c>model: { temperature, max_tokens }</c>).</summary>
public sealed record PromptModelSettings(float? Temperature, int? MaxTokens);
