using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Tollgate.Evaluation;

/// <summary>
/// Builds OpenAI SDK clients for a provider or judge: base URL, API key from an environment variable, and the
/// <see cref="ResilienceHandler"/> (Polly: Retry-After, backoff, per-request timeout; adaptive concurrency) as the
/// transport; the SDK's own retries are off. Chat and embeddings go through Microsoft.Extensions.AI.OpenAI's adapters.
/// </summary>
internal static class OpenAIConnection
{
    /// <summary>Creates the SDK client; throws naming the environment variable when the key is missing.</summary>
    public static OpenAIClient CreateClient(ProviderSpec spec, HttpClient http, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = (environment ?? Environment.GetEnvironmentVariable)(spec.ApiKeyEnv);
        if (string.IsNullOrEmpty(key))
        {
            throw new ProviderException($"{spec.Id}: the API key variable {spec.ApiKeyEnv} is not set; set it, or point {spec.Id}.api_key_env at the variable that holds the key");
        }

        var options = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        if (spec.BaseUrl is not null)
        {
            options.Endpoint = new Uri(spec.BaseUrl);
        }

        return new OpenAIClient(new ApiKeyCredential(key), options);
    }

    /// <summary>Creates an <see cref="IChatClient"/> for <paramref name="model"/>.</summary>
    public static IChatClient CreateChatClient(OpenAIClient client, string model)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.GetChatClient(model).AsIChatClient();
    }

    /// <summary>Creates an embedding generator for <paramref name="model"/>.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(OpenAIClient client, string model)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.GetEmbeddingClient(model).AsIEmbeddingGenerator();
    }
}
