using System.Text;
using System.Text.RegularExpressions;
using ResearchAssistant.Configuration;
using ResearchAssistant.Retrieval;

namespace ResearchAssistant.Answering;

/// <summary>
/// The offline answerer used when no LLM is configured. Deterministic and extractive: it scores every sentence of the
/// retrieved passages by the inverse document frequency of the question's terms it contains (plus part of its
/// document title's match), scaled by its passage's BM25 score, keeps the best sentences and cites the passage each
/// came from. It never writes text that is not in the documents.
/// </summary>
public sealed partial class ExtractiveAnswerer
{
    public const string NoAnswer = "The Lumen Notebook documentation does not answer this question.";

    private const int MaxSentences = 3;

    /// <summary>A sentence of the best sentence's document is kept if it scores at least this share of the best.</summary>
    private const double RelativeThreshold = 0.5;

    /// <summary>Sentences from other documents than the best sentence's must come closer to it.</summary>
    private const double OtherDocumentThreshold = 0.75;

    private const double TitleShare = 0.5;

    /// <summary>First words of a sentence that continues the one before it.</summary>
    private static readonly HashSet<string> ContinuationWords = new(StringComparer.Ordinal) { "It", "This", "These", "They", "That", "Both", "Each", "Its" };

    private readonly Bm25Index _index;
    private readonly Tokenizer _tokenizer;

    public ExtractiveAnswerer(Bm25Index index, Tokenizer tokenizer)
    {
        _index = index;
        _tokenizer = tokenizer;
    }

    public string Model => AssistantSettings.OfflineModelName;

    public Task<Answer> AnswerAsync(string question, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        cancellationToken.ThrowIfCancellationRequested();
        var questionTerms = _tokenizer.Tokenize(question).ToHashSet(StringComparer.Ordinal);
        var topScore = passages.Count == 0 ? 0 : passages.Max(p => p.Score);
        var candidates = passages
            .SelectMany(p => SplitSentences(p.Document.Body).Select((s, i) => new Candidate(p, i, s, Score(s, p, questionTerms, topScore))))
            .Where(c => c.Score > 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return Task.FromResult(new Answer(NoAnswer, [], Model, 0, 0));
        }

        var best = candidates.MaxBy(c => c.Score)!;
        var chosen = candidates
            .Where(c => c.Score >= best.Score * (c.Passage == best.Passage ? RelativeThreshold : OtherDocumentThreshold))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Passage.Rank)
            .ThenBy(c => c.Position)
            .Take(MaxSentences)
            .ToList();
        if (chosen.Count == 1 && Neighbour(chosen[0]) is { } neighbour)
        {
            chosen.Add(neighbour);
        }

        chosen = chosen.OrderBy(c => c.Passage.Rank).ThenBy(c => c.Position).ToList();

        var text = new StringBuilder();
        foreach (var group in chosen.GroupBy(c => c.Passage.Document.Id, StringComparer.Ordinal))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.AppendJoin(' ', group.Select(c => c.Sentence)).Append(" [").Append(group.Key).Append(']');
        }

        var citations = chosen.Select(c => c.Passage.Document.Id).Distinct(StringComparer.Ordinal).ToList();
        return Task.FromResult(new Answer(text.ToString(), citations, Model, 0, 0));
    }

    /// <summary>
    /// One sentence alone often lacks its context: "It added ..." needs the sentence before it, and a heading-like
    /// "Lumen 4.2 was released in March 2026." needs the one after it.
    /// </summary>
    private static Candidate? Neighbour(Candidate only)
    {
        var sentences = SplitSentences(only.Passage.Document.Body);
        var firstWord = only.Sentence.Split(' ', 2)[0];
        var position = ContinuationWords.Contains(firstWord) ? only.Position - 1 : only.Position + 1;
        return position >= 0 && position < sentences.Count
            ? new Candidate(only.Passage, position, sentences[position], 0)
            : null;
    }

    internal static IReadOnlyList<string> SplitSentences(string text) =>
        SentenceBoundary().Split(text.ReplaceLineEndings(" ")).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private double Score(string sentence, RetrievedPassage passage, HashSet<string> questionTerms, double topScore)
    {
        var inSentence = Weight(sentence, questionTerms);
        if (inSentence == 0)
        {
            return 0;
        }

        // A sentence inherits part of its document's title match: "Requests over the limit are rejected" answers a
        // question about API rate limits because it sits in the document titled "API rate limits".
        var inTitle = Weight(passage.Document.Title, questionTerms);

        // Scale by the passage's retrieval score relative to the best passage: BM25 over the whole document is a
        // better judge of relevance than the overlap of one sentence.
        return (inSentence + (TitleShare * inTitle)) * (passage.Score / topScore);
    }

    private double Weight(string text, HashSet<string> questionTerms) =>
        _tokenizer.Tokenize(text).Where(questionTerms.Contains).Distinct(StringComparer.Ordinal).Sum(_index.InverseDocumentFrequency);

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9(""])")]
    private static partial Regex SentenceBoundary();

    private sealed record Candidate(RetrievedPassage Passage, int Position, string Sentence, double Score);
}
