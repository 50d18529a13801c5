using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>
/// The judge's chat and embedding clients, pointed at a <see cref="ModelProxy"/> with a placeholder key: judge and
/// embedding calls are recorded, replayed and forwarded exactly like the service's own model calls (same store, same
/// key rules, same read-only miss message). An error the proxy answers with becomes a <see cref="CacheMissException"/>
/// or <see cref="ProviderException"/> carrying the proxy's message, so the check reports "not run" with it.
/// </summary>
internal static class ProxiedJudge
{
    /// <summary>What the judge sends as its key; the proxy holds the real one.</summary>
    public const string PlaceholderKey = "tollgate-model-proxy";

    public static JudgeServices Create(ProviderSpec judge, string? model, string? embeddingModel, Uri proxyUrl, HttpClient http, ModelCallLabels labels)
    {
        var spec = judge with { BaseUrl = proxyUrl.ToString(), ApiKeyEnv = "TOLLGATE_MODEL_PROXY_KEY" };
        var client = OpenAIConnection.CreateClient(spec, http, _ => PlaceholderKey);
        IChatClient? chat = model is null ? null : new LabeledChatClient(OpenAIConnection.CreateChatClient(client, model), labels);
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = embeddingModel is null
            ? null
            : new LabeledEmbeddingGenerator(OpenAIConnection.CreateEmbeddingGenerator(client, embeddingModel), labels);
        return new JudgeServices(chat, model, embeddings, null);
    }

    /// <summary>The proxy's own message when <paramref name="e"/> is an answer of the proxy, else <paramref name="e"/>.</summary>
    public static Exception Translate(ClientResultException e)
    {
        try
        {
            var content = e.GetRawResponse()?.Content?.ToString();
            if (content is { Length: > 0 })
            {
                using var document = JsonDocument.Parse(content);
                if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("type", out var type) && type.ValueEquals("tollgate_proxy")
                    && error.TryGetProperty("message", out var message) && message.GetString() is { } text)
                {
                    text = text.StartsWith(ModelProxy.MessagePrefix, StringComparison.Ordinal) ? text[ModelProxy.MessagePrefix.Length..] : text;
                    return error.TryGetProperty("code", out var code) && code.ValueEquals("not_recorded")
                        ? new CacheMissException(text, e)
                        : new ProviderException(text, e);
                }
            }
        }
        catch (JsonException)
        {
            // Not the proxy's answer: keep the SDK's exception.
        }

        return e;
    }

    private static string? Property(AdditionalPropertiesDictionary? properties, string name) =>
        properties?.TryGetValue(name, out var value) == true ? value?.ToString() : null;

    private sealed class LabeledChatClient(IChatClient inner, ModelCallLabels labels) : DelegatingChatClient(inner)
    {
        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            labels.Set(Property(options?.AdditionalProperties, CachingChatClient.LabelProperty), Property(options?.AdditionalProperties, CachingChatClient.CacheKeyProperty));
            try
            {
                return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ClientResultException e)
            {
                throw Translate(e);
            }
        }
    }

    private sealed class LabeledEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, ModelCallLabels labels)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            labels.Set(Property(options?.AdditionalProperties, CachingChatClient.LabelProperty), Property(options?.AdditionalProperties, CachingChatClient.CacheKeyProperty));
            try
            {
                return await base.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ClientResultException e)
            {
                throw Translate(e);
            }
        }
    }
}
