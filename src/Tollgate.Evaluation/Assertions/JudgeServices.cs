using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>The judge model and embedding generator for model-graded checks, or why there is none.</summary>
/// <param name="Chat">The judge chat client.</param>
/// <param name="Model">The judge model.</param>
/// <param name="Embeddings">The embedding generator.</param>
/// <param name="UnavailableReason">Why model-graded checks cannot run, when there is no judge.</param>
internal sealed record JudgeServices(IChatClient? Chat, string? Model, IEmbeddingGenerator<string, Embedding<float>>? Embeddings, string? UnavailableReason)
{
    /// <summary>No judge: model-graded checks report "not run" with <paramref name="reason"/>.</summary>
    public static JudgeServices Unavailable(string reason) => new(null, null, null, reason);
}
