using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tollgate.Evaluation.Prompts;

namespace Tollgate.Evaluation;

/// <summary>
/// Calls an application's HTTP endpoint (e.g. <c>POST /query</c>) with a templated body and maps the JSON response to
/// the answer, retrieved documents and token usage with JSON paths.
/// </summary>
public sealed class HttpEndpointTarget : ISystemUnderTest
{
    private readonly ProviderSpec _spec;
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly PromptTemplate? _body;
    private readonly JsonPath _output;
    private readonly JsonPath? _retrievedIds;
    private readonly JsonPath? _retrievedText;
    private readonly JsonPath? _promptTokens;
    private readonly JsonPath? _completionTokens;
    private readonly JsonPath? _model;

    private readonly ModelCallLedger? _modelCalls;

    /// <summary>
    /// Creates a target posting to <paramref name="url"/> through <paramref name="http"/>. With
    /// <paramref name="modelCalls"/>, each request carries a fresh W3C <c>traceparent</c>; the service propagates it to
    /// its model calls, and a call under it that the model proxy could not answer fails the request with the proxy's reason.
    /// </summary>
    public HttpEndpointTarget(ProviderSpec spec, Uri url, HttpClient http, ModelCallLedger? modelCalls = null)
    {
        _modelCalls = modelCalls;
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        _url = url;
        _http = http;
        _body = spec.Body is null ? null : PromptTemplate.Parse(spec.Body);
        _output = JsonPath.Parse(spec.OutputPath);
        _retrievedIds = spec.RetrievedIdsPath is null ? null : JsonPath.Parse(spec.RetrievedIdsPath);
        _retrievedText = spec.RetrievedTextPath is null ? null : JsonPath.Parse(spec.RetrievedTextPath);
        _promptTokens = spec.PromptTokensPath is null ? null : JsonPath.Parse(spec.PromptTokensPath);
        _completionTokens = spec.CompletionTokensPath is null ? null : JsonPath.Parse(spec.CompletionTokensPath);
        _model = spec.ModelPath is null ? null : JsonPath.Parse(spec.ModelPath);
    }

    /// <inheritdoc />
    public string Name => _spec.Id;

    /// <inheritdoc />
    public object DescribeRequest(EvalCase evalCase)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        return new { provider = _spec.Id, method = _spec.Method, body = _body?.Render(evalCase.Vars), model = _spec.Model };
    }

    /// <inheritdoc />
    public async Task<TargetResponse> InvokeAsync(EvalCase evalCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        using var request = new HttpRequestMessage(new HttpMethod(_spec.Method), _url);
        if (_body is not null)
        {
            request.Content = new StringContent(_body.Render(evalCase.Vars), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in _spec.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, PromptTemplate.Parse(value).Render(evalCase.Vars));
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        clock.Stop();
        ThrowOnFailedModelCall(evalCase, trace);
        if (!response.IsSuccessStatusCode)
        {
            throw new ProviderException($"{_spec.Id}: {_spec.Method} {_url.AbsolutePath} returned {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(text)}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ProviderException($"{_spec.Id}: the response is not JSON ({e.Message}): {Truncate(text)}");
        }

        using (document)
        {
            var root = document.RootElement;
            var output = _output.SelectStrings(root);
            if (output.Count == 0)
            {
                throw new ProviderException($"{_spec.Id}: the response has nothing at {_output.Text}; set provider.response.output to the answer's JSON path");
            }

            return new TargetResponse(string.Join('\n', output))
            {
                RetrievedIds = _retrievedIds?.SelectStrings(root) ?? [],
                RetrievedTexts = _retrievedText?.SelectStrings(root) ?? [],
                Usage = new TokenUsage(Number(_promptTokens, root), Number(_completionTokens, root)),
                Model = First(_model?.SelectStrings(root)) ?? _spec.Model,
                LatencyMs = clock.Elapsed.TotalMilliseconds,
            };
        }
    }

    private void ThrowOnFailedModelCall(EvalCase evalCase, string trace)
    {
        var failed = _modelCalls?.ForTrace(trace).FirstOrDefault(c => c.Outcome is ModelCallOutcome.Missed or ModelCallOutcome.Failed);
        if (failed is not null)
        {
            var message = $"{evalCase.Id}: the service's call to model {failed.Model ?? "(none)"} failed: {failed.Problem}";
            throw failed.Outcome == ModelCallOutcome.Missed ? new CacheMissException(message) : new ProviderException(message);
        }
    }

    private static long Number(JsonPath? path, JsonElement root) =>
        First(path?.SelectStrings(root)) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string? First(IReadOnlyList<string>? values) => values is { Count: > 0 } ? values[0] : null;

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
