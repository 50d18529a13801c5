using System.Globalization;
using System.Text.Json;

namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>
/// A JSON endpoint read with a JSON path (Argo Rollouts' web metric), e.g. <c>GET /health</c> and <c>$.errorRate</c>.
/// A number, a numeric string or a boolean (1 or 0) is a value; null is no data; a missing path, a path selecting
/// several values or anything else is an error.
/// </summary>
/// <param name="http">The HTTP client (owned by the caller).</param>
/// <param name="url">The endpoint.</param>
/// <param name="path">Where the value is in the answer.</param>
/// <param name="headers">Request headers (e.g. an authorization header: its value never reaches a message).</param>
internal sealed class WebMetricProvider(HttpClient http, Uri url, JsonPath path, IReadOnlyDictionary<string, string>? headers = null) : IMetricProvider
{
    /// <inheritdoc />
    public string Description => $"web {url.GetLeftPart(UriPartial.Path)} {path}";

    /// <inheritdoc />
    public async Task<MetricReading> MeasureAsync(CancellationToken cancellationToken)
    {
        var body = await HttpSource.GetStringAsync(http, url, headers, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            var element = path.Select(document.RootElement) switch
            {
                [var one] => one,
                [] => throw new MetricProviderException($"{Description}: the answer has nothing at {path}."),
                var many => throw new MetricProviderException(
                    $"{Description}: {path} selects {many.Count} values; a metric is one value (use an index such as [0] instead of [*])."),
            };
            return element.ValueKind switch
            {
                JsonValueKind.Number => MetricReading.Of(element.GetDouble(), path.Text),
                JsonValueKind.True => MetricReading.Of(1, path.Text),
                JsonValueKind.False => MetricReading.Of(0, path.Text),
                JsonValueKind.Null => MetricReading.NoData($"{path} is null"),
                JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => MetricReading.Of(number, path.Text),
                _ => throw new MetricProviderException($"{Description}: {path} is {element.GetRawText()}, not a number or a boolean."),
            };
        }
        catch (JsonException e)
        {
            throw new MetricProviderException($"{Description}: the answer is not JSON ({e.Message}).", e);
        }
    }
}
