using ResearchAssistant.Documents;

namespace ResearchAssistant.Retrieval;

/// <summary>
/// Okapi BM25 over the document set. A document's title counts twice, because titles name what a document answers.
/// Immutable once built, so it is safe to share between requests.
/// </summary>
public sealed class Bm25Index
{
    private const int TitleWeight = 2;

    private readonly Tokenizer _tokenizer;
    private readonly List<IndexedDocument> _documents;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25Index(DocumentStore store, Tokenizer tokenizer, double k1 = 1.2, double b = 0.75)
    {
        _tokenizer = tokenizer;
        K1 = k1;
        B = b;
        _documents = store.Documents.Select(Index).ToList();
        foreach (var term in _documents.SelectMany(d => d.TermFrequency.Keys))
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }

        _averageLength = _documents.Count == 0 ? 0 : _documents.Average(d => (double)d.Length);
    }

    public double K1 { get; }

    public double B { get; }

    public int DocumentCount => _documents.Count;

    /// <summary>Inverse document frequency of a term (already tokenized); 0 for a term found in no document.</summary>
    public double InverseDocumentFrequency(string term)
    {
        var df = _documentFrequency.GetValueOrDefault(term);
        return df == 0 ? 0 : Math.Log(1 + ((_documents.Count - df + 0.5) / (df + 0.5)));
    }

    /// <summary>
    /// The top <paramref name="k"/> documents for a query with a positive score, best first; ties go to the lower id
    /// so the ranking is deterministic.
    /// </summary>
    public IReadOnlyList<RetrievedPassage> Search(string query, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var terms = _tokenizer.Tokenize(query).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        return _documents
            .Select(d => (d.Document, Score: Score(d, terms)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Document.Id, StringComparer.Ordinal)
            .Take(k)
            .Select((x, i) => new RetrievedPassage(x.Document, x.Score, i + 1))
            .ToList();
    }

    private double Score(IndexedDocument document, IReadOnlyList<string> terms)
    {
        var score = 0.0;
        foreach (var term in terms)
        {
            var tf = document.TermFrequency.GetValueOrDefault(term);
            if (tf == 0)
            {
                continue;
            }

            var norm = K1 * (1 - B + (B * document.Length / _averageLength));
            score += InverseDocumentFrequency(term) * (tf * (K1 + 1)) / (tf + norm);
        }

        return score;
    }

    private IndexedDocument Index(Document document)
    {
        var titleTerms = _tokenizer.Tokenize(document.Title);
        var terms = Enumerable.Repeat(titleTerms, TitleWeight).SelectMany(t => t).Concat(_tokenizer.Tokenize(document.Body)).ToList();
        var frequency = terms.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new IndexedDocument(document, frequency, terms.Count);
    }

    private sealed record IndexedDocument(Document Document, IReadOnlyDictionary<string, int> TermFrequency, int Length);
}
