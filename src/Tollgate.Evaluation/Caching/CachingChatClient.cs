using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>
/// Caches chat responses (judge calls and prompt targets) in a <see cref="ResponseCache"/>. The key is the model,
/// messages, temperature, token limit, response format and <see cref="CacheKeyProperty"/>; <see cref="LabelProperty"/>
/// names the case in a read-only miss.
/// </summary>
internal sealed class CachingChatClient(IChatClient inner, ResponseCache cache, string providerName) : DelegatingChatClient(inner)
{
    /// <summary>An <see cref="ChatOptions.AdditionalProperties"/> entry that names the request (not part of the key).</summary>
    public const string LabelProperty = "tollgate.label";

    /// <summary>An <see cref="ChatOptions.AdditionalProperties"/> entry added to the key (e.g. the repeat number).</summary>
    public const string CacheKeyProperty = "tollgate.cache_key";

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var label = options?.AdditionalProperties?.TryGetValue(LabelProperty, out var l) == true ? l?.ToString() ?? providerName : providerName;
        var userKey = options?.AdditionalProperties?.TryGetValue(CacheKeyProperty, out var k) == true ? k?.ToString() : null;
        var material = new
        {
            kind = "chat",
            provider = providerName,
            model = options?.ModelId,
            messages = list.Select(m => new { role = m.Role.Value, content = m.Text }),
            temperature = options?.Temperature,
            max_tokens = options?.MaxOutputTokens,
            json = options?.ResponseFormat is ChatResponseFormatJson,
            key = userKey,
        };
        var (entry, _) = await cache.GetOrCreateAsync(label, material, async ct =>
        {
            var response = await base.GetResponseAsync(list, options, ct).ConfigureAwait(false);
            return new CachedChat(response.Text, response.ModelId, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
        }, cancellationToken).ConfigureAwait(false);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, entry.Text))
        {
            ModelId = entry.Model,
            Usage = new UsageDetails { InputTokenCount = entry.InputTokens, OutputTokenCount = entry.OutputTokens },
        };
    }

    /// <summary>A cached chat response.</summary>
    internal sealed record CachedChat(string Text, string? Model, long InputTokens, long OutputTokens);
}
