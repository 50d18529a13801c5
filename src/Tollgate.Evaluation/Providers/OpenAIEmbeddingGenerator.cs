using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace Tollgate.Evaluation;

/// <summary>An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the OpenAI SDK's <see cref="EmbeddingClient"/>.</summary>
public sealed class OpenAIEmbeddingGenerator(EmbeddingClient client, string model) : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        OpenAIEmbeddingCollection result = await client.GenerateEmbeddingsAsync(values, cancellationToken: cancellationToken).ConfigureAwait(false);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(result.Select(e => new Embedding<float>(e.ToFloats()) { ModelId = result.Model ?? model }))
        {
            Usage = result.Usage is null ? null : new UsageDetails { InputTokenCount = result.Usage.InputTokenCount, TotalTokenCount = result.Usage.TotalTokenCount },
        };
        return embeddings;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("openai", defaultModelId: model)
            : serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
