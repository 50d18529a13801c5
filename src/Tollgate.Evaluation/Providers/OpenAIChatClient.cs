using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace Tollgate.Evaluation;

/// <summary>
/// An <see cref="IChatClient"/> over the official OpenAI SDK's <see cref="ChatClient"/>, for OpenAI and any
/// OpenAI-compatible server (Azure OpenAI, Ollama, vLLM). Microsoft.Extensions.AI.OpenAI is not used so the library
/// needs only the abstractions.
/// </summary>
public sealed class OpenAIChatClient(ChatClient client, string model) : IChatClient
{
    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var converted = messages.Select(Convert).ToList();
        var completionOptions = new ChatCompletionOptions
        {
            Temperature = options?.Temperature,
            MaxOutputTokenCount = options?.MaxOutputTokens,
        };
        if (options?.ResponseFormat is ChatResponseFormatJson)
        {
            completionOptions.ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat();
        }

        ChatCompletion completion = await client.CompleteChatAsync(converted, completionOptions, cancellationToken).ConfigureAwait(false);
        var text = string.Concat(completion.Content.Select(part => part.Text));
        return new ChatResponse(new AIChatMessage(ChatRole.Assistant, text))
        {
            ModelId = completion.Model ?? model,
            ResponseId = completion.Id,
            Usage = completion.Usage is null ? null : new UsageDetails
            {
                InputTokenCount = completion.Usage.InputTokenCount,
                OutputTokenCount = completion.Usage.OutputTokenCount,
                TotalTokenCount = completion.Usage.TotalTokenCount,
            },
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Evaluations need whole answers; the stream is the complete response as updates.
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai", defaultModelId: model)
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(client) ? client : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static OpenAIChatMessage Convert(AIChatMessage message)
    {
        var text = message.Text;
        return message.Role == ChatRole.System ? new SystemChatMessage(text)
            : message.Role == ChatRole.Assistant ? new AssistantChatMessage(text)
            : new UserChatMessage(text);
    }
}
