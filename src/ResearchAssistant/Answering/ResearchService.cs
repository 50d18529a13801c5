using System.Diagnostics;
using ResearchAssistant.Configuration;
using ResearchAssistant.Metrics;
using ResearchAssistant.Retrieval;
using Tollgate.Evaluation;

namespace ResearchAssistant.Answering;

/// <summary>Answers one question: retrieves the top-k passages, asks the answerer, records tokens and cost.</summary>
public sealed class ResearchService
{
    private readonly Bm25Index _index;
    private readonly KernelAnswerer _answerer;
    private readonly AssistantSettings _settings;
    private readonly PriceTable _prices;
    private readonly ServiceMetrics _metrics;

    public ResearchService(Bm25Index index, KernelAnswerer answerer, AssistantSettings settings, PriceTable prices, ServiceMetrics metrics)
    {
        _index = index;
        _answerer = answerer;
        _settings = settings;
        _prices = prices;
        _metrics = metrics;
    }

    public async Task<QueryResult> AskAsync(string question, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var retrieved = _index.Search(question, _settings.TopK);
        var answer = await _answerer.AnswerAsync(question, retrieved, cancellationToken).ConfigureAwait(false);
        if (!_settings.IsOffline)
        {
            // The configured label first (an Azure deployment name may be priced under it), then the model that answered.
            var usage = new TokenUsage(answer.PromptTokens, answer.CompletionTokens);
            var cost = _prices.Cost(_settings.ModelLabel, usage);
            if (cost == 0)
            {
                cost = _prices.Cost(answer.Model, usage);
            }

            _metrics.RecordLlmUsage(answer.PromptTokens, answer.CompletionTokens, cost);
        }

        return new QueryResult(answer, retrieved, Stopwatch.GetElapsedTime(started));
    }
}
