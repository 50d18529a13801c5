using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>Caches embeddings in a <see cref="ResponseCache"/>, keyed by provider, model and input texts.</summary>
internal sealed class CachingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, ResponseCache cache, string providerName, string model)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        var material = new { kind = "embedding", provider = providerName, model, inputs };
        var (vectors, _) = await cache.GetOrCreateAsync($"embedding of {Label(inputs)}", material, async ct =>
        {
            var generated = await base.GenerateAsync(inputs, options, ct).ConfigureAwait(false);
            return generated.Select(e => e.Vector.ToArray()).ToList();
        }, cancellationToken).ConfigureAwait(false);
        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = model }));
    }

    private static string Label(List<string> inputs) =>
        inputs.Count == 0 ? "nothing" : $"'{(inputs[0].Length > 40 ? inputs[0][..40] + "…" : inputs[0])}'";
}
