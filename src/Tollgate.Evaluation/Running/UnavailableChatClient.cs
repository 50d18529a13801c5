using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>
/// Stands in for a model whose API key is missing: cached responses still replay through <see cref="CachingChatClient"/>,
/// and a miss fails with the reason, so the check reports "not run".
/// </summary>
internal sealed class UnavailableChatClient(string reason) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromException<ChatResponse>(new ProviderException(reason));

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new ProviderException(reason);

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
