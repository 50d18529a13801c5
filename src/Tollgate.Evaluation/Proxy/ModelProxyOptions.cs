namespace Tollgate.Evaluation;

/// <summary>How the model proxy answers: from recordings, by forwarding to the provider, or both (the cache mode says).</summary>
/// <param name="Cache">Where exchanges are recorded and how (read-write, read-only, off, refresh).</param>
/// <param name="Upstream">The provider's OpenAI-compatible base URL, e.g. <c>https://&lt;host&gt;/v1</c>; <see langword="null"/> to only replay.</param>
/// <param name="ApiKey">The real key, sent upstream only; the service never sees it.</param>
public sealed record ModelProxyOptions(CacheOptions Cache, Uri? Upstream, string? ApiKey)
{
    /// <summary>OpenAI's API base, the default upstream (what the OpenAI SDK calls when no base URL is set).</summary>
    public const string OpenAIBaseUrl = "https://api.openai.com/v1";

    /// <summary>Names the key's source in messages (e.g. <c>OPENAI_API_KEY</c>), never its value.</summary>
    public string ApiKeySource { get; init; } = "the model key";

    /// <summary>The transport to the provider (the proxy disposes it); <see langword="null"/> for Polly's retries and a 2-minute timeout per attempt.</summary>
    public HttpMessageHandler? Transport { get; init; }

    /// <summary>Request fields left out of the key: they identify the caller, not what the model is asked.</summary>
    public IReadOnlySet<string> IgnoredFields { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "user", "stream_options" };
}
