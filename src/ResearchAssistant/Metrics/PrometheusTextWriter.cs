using System.Globalization;
using System.Text;

namespace ResearchAssistant.Metrics;

/// <summary>Writes a metrics snapshot in the Prometheus text exposition format, version 0.0.4.</summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private const string Prefix = "research_assistant_";

    public static string Write(MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder();

        Header(text, "requests_total", "counter", "HTTP requests handled, by route template, method and status code.");
        foreach (var (key, count) in snapshot.Requests)
        {
            Sample(text, "requests_total", $"route=\"{Escape(key.Route)}\",method=\"{Escape(key.Method)}\",status=\"{key.Status}\"", count);
        }

        Header(text, "request_duration_seconds", "histogram", "HTTP request duration in seconds, by route template.");
        foreach (var (route, histogram) in snapshot.Durations)
        {
            var label = $"route=\"{Escape(route)}\"";
            var cumulative = histogram.CumulativeCounts();
            var count = histogram.Count;
            for (var i = 0; i < histogram.UpperBounds.Count; i++)
            {
                Sample(text, "request_duration_seconds_bucket", $"{label},le=\"{Number(histogram.UpperBounds[i])}\"", cumulative[i]);
            }

            Sample(text, "request_duration_seconds_bucket", $"{label},le=\"+Inf\"", Math.Max(count, cumulative[^1]));
            Sample(text, "request_duration_seconds_sum", label, histogram.Sum);
            Sample(text, "request_duration_seconds_count", label, Math.Max(count, cumulative[^1]));
        }

        Header(text, "llm_tokens_total", "counter", "Language model tokens consumed, by type (prompt or completion).");
        Sample(text, "llm_tokens_total", "type=\"prompt\"", snapshot.PromptTokens);
        Sample(text, "llm_tokens_total", "type=\"completion\"", snapshot.CompletionTokens);

        Header(text, "llm_cost_usd_total", "counter", "Estimated language model cost in US dollars from the configured price table.");
        Sample(text, "llm_cost_usd_total", null, snapshot.CostUsd);

        Header(text, "errors_total", "counter", "Requests that failed with a server error (5xx or an unhandled exception), by route template.");
        foreach (var (route, count) in snapshot.Errors)
        {
            Sample(text, "errors_total", $"route=\"{Escape(route)}\"", count);
        }

        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(Prefix).Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(Prefix).Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, string? labels, double value)
    {
        text.Append(Prefix).Append(name);
        if (labels is not null)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
