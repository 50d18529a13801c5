using System.Diagnostics.Metrics;

namespace ResearchAssistant.Metrics;

/// <summary>
/// The service's instruments (System.Diagnostics.Metrics): requests by route, method and status; request duration per
/// route; LLM tokens and cost; errors by route. The meter comes from the application's own <see cref="IMeterFactory"/>,
/// so two applications in one process (tests) record on different meters and keep separate counts.
/// </summary>
public sealed class ServiceMetrics
{
    /// <summary>The meter name: what an OpenTelemetry exporter would subscribe to.</summary>
    public const string MeterName = "ResearchAssistant";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;

    public ServiceMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _requests = Meter.CreateCounter<long>(Instruments.Requests, "{request}", "HTTP requests handled, by route template, method and status code.");
        _duration = Meter.CreateHistogram<double>(Instruments.RequestDuration, "s", "HTTP request duration in seconds, by route template.");
        _errors = Meter.CreateCounter<long>(Instruments.Errors, "{request}", "Requests that failed with a server error (5xx or an unhandled exception), by route template.");
        _tokens = Meter.CreateCounter<long>(Instruments.LlmTokens, "{token}", "Language model tokens consumed, by type (prompt or completion).");
        _cost = Meter.CreateCounter<double>(Instruments.LlmCost, "USD", "Estimated language model cost in US dollars from the configured price table.");
    }

    /// <summary>This application's meter.</summary>
    public Meter Meter { get; }

    public void RecordRequest(string route, string method, int status, double seconds)
    {
        _requests.Add(1, new("route", route), new("method", method), new("status", status));
        _duration.Record(seconds, new KeyValuePair<string, object?>("route", route));
    }

    public void RecordError(string route) => _errors.Add(1, new KeyValuePair<string, object?>("route", route));

    public void RecordLlmUsage(long promptTokens, long completionTokens, double costUsd)
    {
        _tokens.Add(promptTokens, new KeyValuePair<string, object?>("type", "prompt"));
        _tokens.Add(completionTokens, new KeyValuePair<string, object?>("type", "completion"));
        _cost.Add(costUsd);
    }

    /// <summary>The instrument names.</summary>
    public static class Instruments
    {
        public const string Requests = "research_assistant.requests";
        public const string RequestDuration = "research_assistant.request.duration";
        public const string Errors = "research_assistant.errors";
        public const string LlmTokens = "research_assistant.llm.tokens";
        public const string LlmCost = "research_assistant.llm.cost";
    }
}
