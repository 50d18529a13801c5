namespace ResearchAssistant.Prompts;

/// <summary>The system and user messages of a prompt with every placeholder replaced.</summary>
public sealed record RenderedPrompt(string System, string User);
