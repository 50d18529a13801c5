using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ResearchAssistant.Answering;
using ResearchAssistant.Configuration;

namespace ResearchAssistant.Llm;

/// <summary>
/// The offline answerer as an <see cref="IChatClient"/>: the Kernel calls it exactly as it calls a model, and it answers
/// with <see cref="ExtractiveAnswerer"/> from the <see cref="RetrievalContext"/> the prompt function passes along. It never
/// reads the rendered prompt text, so offline answers do not depend on the prompt version.
/// </summary>
public sealed class ExtractiveChatClient(ExtractiveAnswerer answerer) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("offline-extractive", providerUri: null, AssistantSettings.OfflineModelName);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var retrieval = options?.AdditionalProperties?.TryGetValue(RetrievalContext.Key, out var value) == true ? value as RetrievalContext : null;
        if (retrieval is null)
        {
            throw new ResearchAssistantException(
                $"The offline answerer needs the retrieved passages in ChatOptions.AdditionalProperties[\"{RetrievalContext.Key}\"]; " +
                "call it through the answer prompt function (KernelAnswerer), which passes them.");
        }

        var answer = await answerer.AnswerAsync(retrieval.Question, retrieval.Passages, cancellationToken).ConfigureAwait(false);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Text))
        {
            ModelId = answer.Model,
            FinishReason = ChatFinishReason.Stop,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
