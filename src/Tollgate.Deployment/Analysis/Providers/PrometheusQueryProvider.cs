using System.Globalization;
using System.Text.Json;

namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>
/// An instant query against the Prometheus HTTP API (<c>GET /api/v1/query?query=...</c>). The result must be a scalar or
/// a vector of exactly one series (aggregate with <c>sum()</c> or <c>max()</c> otherwise); an empty vector or NaN is no
/// data, an error answer or several series is an error.
/// </summary>
/// <param name="http">The HTTP client (owned by the caller).</param>
/// <param name="server">The Prometheus server, e.g. <c>http://prometheus:9090</c>.</param>
/// <param name="query">The PromQL query.</param>
public sealed class PrometheusQueryProvider(HttpClient http, Uri server, string query) : IMetricProvider
{
    /// <inheritdoc />
    public string Description => $"prometheus {server.GetLeftPart(UriPartial.Authority)}: {query}";

    /// <inheritdoc />
    public async Task<MetricReading> MeasureAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(server, "api/v1/query?query=" + Uri.EscapeDataString(query));
        var body = await HttpSource.GetStringAsync(http, url, null, cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new MetricProviderException($"{Description}: the answer is not JSON ({e.Message}).", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (Text(root, "status") != "success")
            {
                throw new MetricProviderException($"{Description}: Prometheus answered {Text(root, "errorType") ?? "an error"}: {Text(root, "error") ?? body}");
            }

            if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("result", out var result))
            {
                throw new MetricProviderException($"{Description}: the answer has no data.result.");
            }

            return Text(data, "resultType") switch
            {
                "scalar" => Sample(result, "scalar"),
                "vector" => Vector(result),
                var other => throw new MetricProviderException($"{Description}: result type '{other}' is not supported; use an instant query that returns a scalar or one series."),
            };
        }
    }

    private MetricReading Vector(JsonElement result)
    {
        var series = result.GetArrayLength();
        return series switch
        {
            0 => MetricReading.NoData("the query returned no series"),
            1 => Sample(result[0].GetProperty("value"), result[0].TryGetProperty("metric", out var labels) ? labels.GetRawText() : "{}"),
            _ => throw new MetricProviderException($"{Description}: the query returned {series} series; aggregate it to one (sum(...), max(...)) so the condition has one value."),
        };
    }

    private MetricReading Sample(JsonElement pair, string detail)
    {
        // [ <unix time>, "<value>" ]: Prometheus sends the value as a string so NaN and +Inf survive JSON.
        var text = pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2 ? pair[1].GetString() : null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new MetricProviderException($"{Description}: the sample {pair.GetRawText()} has no numeric value.");
        }

        return double.IsNaN(value) ? MetricReading.NoData($"the query returned NaN ({detail})") : MetricReading.Of(value, detail);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
