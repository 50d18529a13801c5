using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Answering;

/// <summary>The outcome of one question: the answer, the ranked passages it was given, and how long it took.</summary>
public sealed record QueryResult(Answer Answer, IReadOnlyList<RetrievedPassage> Retrieved, TimeSpan Latency);
