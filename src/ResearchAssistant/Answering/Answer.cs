namespace ResearchAssistant.Answering;

/// <summary>
/// An answer with the ids of the passages it actually used, the model that wrote it and the tokens it consumed.
/// </summary>
public sealed record Answer(string Text, IReadOnlyList<string> Citations, string Model, long PromptTokens, long CompletionTokens);
