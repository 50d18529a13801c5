using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Llm;

/// <summary>
/// The question and the passages retrieved for it, handed to the chat client beside the rendered prompt (in
/// <c>ChatOptions.AdditionalProperties</c>): a model reads the prompt, the offline answerer reads this. The OpenAI client
/// does not send additional properties, so nothing of it goes over the wire (a test checks the request body).
/// </summary>
public sealed record RetrievalContext(string Question, IReadOnlyList<RetrievedPassage> Passages)
{
    /// <summary>The key in <c>PromptExecutionSettings.ExtensionData</c> and <c>ChatOptions.AdditionalProperties</c>.</summary>
    public const string Key = "research_assistant.retrieval";
}
