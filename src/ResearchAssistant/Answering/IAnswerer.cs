using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Answering;

/// <summary>Writes an answer to a question from retrieved passages.</summary>
public interface IAnswerer
{
    /// <summary>The model label shown in /health and in responses.</summary>
    string Model { get; }

    Task<Answer> AnswerAsync(string question, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken);
}
