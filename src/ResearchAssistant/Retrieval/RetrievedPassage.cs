using ResearchAssistant.Documents;

namespace ResearchAssistant.Retrieval;

/// <summary>A document found for a question, with its BM25 score and its rank (1 = best).</summary>
public sealed record RetrievedPassage(Document Document, double Score, int Rank);
