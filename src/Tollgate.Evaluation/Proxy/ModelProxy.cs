using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tollgate.Evaluation;

/// <summary>
/// A local OpenAI-compatible endpoint (Kestrel on 127.0.0.1, a free port) between the system under test and its model.
/// Every POST below <c>/v1</c> is keyed by its normalized JSON body (model, messages, tools, parameters; never headers
/// or keys), answered from a recording when there is one, else forwarded to the provider with the real key and recorded,
/// as the cache mode says. The service runs for real; only its model calls are replayed, so a changed prompt, passage or
/// parameter is a new request and cannot pass on an old answer.
/// </summary>
public sealed class ModelProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ModelProxyOptions _options;
    private readonly ResponseCache _cache;
    private readonly HttpClient _upstream;
    private readonly RecordedRequests _recorded;

    private ModelProxy(WebApplication app, ModelProxyOptions options)
    {
        _app = app;
        _options = options;
        _cache = new ResponseCache(options.Cache);
        _upstream = new HttpClient(options.Transport ?? new ResilienceHandler(RetryPolicy.Default, TimeSpan.FromMinutes(2))) { Timeout = Timeout.InfiniteTimeSpan };
        _recorded = new RecordedRequests(options.Cache.Directory);
    }

    /// <summary>How every error message the proxy answers with starts.</summary>
    public const string MessagePrefix = "Tollgate model proxy: ";

    /// <summary>The base URL to give the service (its <c>LLM_BASE_URL</c>), ending in <c>/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The calls served so far.</summary>
    public ModelCallLedger Ledger { get; } = new();

    /// <summary>Starts the proxy on a free loopback port.</summary>
    public static async Task<ModelProxy> StartAsync(ModelProxyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        var proxy = new ModelProxy(app, options);
        app.MapPost("/v1/{**endpoint}", proxy.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        proxy.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return proxy;
    }

    /// <summary>The trace id in a W3C <c>traceparent</c> header (<c>00-&lt;trace&gt;-&lt;span&gt;-&lt;flags&gt;</c>).</summary>
    public static string? TraceIdOf(string? traceparent) =>
        traceparent is { Length: >= 55 } && traceparent[2] == '-' && traceparent[35] == '-' ? traceparent.Substring(3, 32) : null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context, string endpoint)
    {
        var trace = TraceIdOf(context.Request.Headers["traceparent"].ToString());
        var label = Header(context, ModelCallLabels.LabelHeader);
        var variant = Header(context, ModelCallLabels.VariantHeader);
        JsonNode? body;
        byte[] raw;
        try
        {
            // Kept as bytes: a forwarded call sends exactly what the service sent, without serializing the tree again.
            using var buffer = new MemoryStream(context.Request.ContentLength is > 0 and < int.MaxValue ? (int)context.Request.ContentLength.Value : 4096);
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            raw = buffer.ToArray();
            body = JsonNode.Parse(raw);
        }
        catch (JsonException e)
        {
            await RespondErrorAsync(context, HttpStatusCode.BadRequest, $"the request body is not JSON: {e.Message}", "invalid_request").ConfigureAwait(false);
            return;
        }

        var model = body is JsonObject fields && fields["model"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : null;
        var request = Normalize(body);
        var material = new JsonObject { ["kind"] = "model", ["endpoint"] = endpoint, ["request"] = request };
        if (variant is not null)
        {
            // A repeated judge attempt asks the same question again and must get its own recording.
            material["variant"] = variant;
        }

        try
        {
            var (exchange, hit) = await _cache.GetOrCreateAsync(label ?? $"{endpoint} {model}", material, ct => ForwardAsync(endpoint, model, raw, ct), context.RequestAborted).ConfigureAwait(false);
            var outcome = hit ? ModelCallOutcome.Replayed : _cache.Mode == CacheMode.Off ? ModelCallOutcome.Forwarded : ModelCallOutcome.Recorded;
            Ledger.Add(new ModelCall(trace, endpoint, model, outcome) { Label = label });
            context.Response.StatusCode = exchange.Status;
            context.Response.ContentType = exchange.ContentType;
            await context.Response.WriteAsync(exchange.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (CacheMissException e)
        {
            var problem = (label is null ? string.Empty : label + ": ") + (_cache.Mode == CacheMode.ReadOnly ? MissMessage(endpoint, model, material) : e.Message);
            Ledger.Add(new ModelCall(trace, endpoint, model, ModelCallOutcome.Missed, problem) { Label = label });
            await RespondErrorAsync(context, HttpStatusCode.NotFound, problem, "not_recorded").ConfigureAwait(false);
        }
        catch (Exception e) when (e is CacheEntryException or ProviderException or HttpRequestException or TimeoutException)
        {
            Ledger.Add(new ModelCall(trace, endpoint, model, ModelCallOutcome.Failed, e.Message) { Label = label });
            await RespondErrorAsync(context, HttpStatusCode.BadGateway, e.Message, "upstream_failed").ConfigureAwait(false);
        }
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers[name].ToString() is { Length: > 0 } value ? Uri.UnescapeDataString(value) : null;

    private JsonNode? Normalize(JsonNode? body)
    {
        if (body is not JsonObject obj)
        {
            return ResponseCache.Canonical(body);
        }

        // One copy: Canonical builds new nodes, so the kept fields are not cloned first.
        return new JsonObject(obj.Where(p => !_options.IgnoredFields.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, ResponseCache.Canonical(p.Value))));
    }

    private async Task<RecordedExchange> ForwardAsync(string endpoint, string? model, byte[] body, CancellationToken cancellationToken)
    {
        if (_options.Upstream is null || string.IsNullOrEmpty(_options.ApiKey))
        {
            throw new CacheMissException($"no recorded response for {endpoint} with model {model} and no model key to record one: "
                + $"set {_options.ApiKeySource} (and the provider's base URL if it is not OpenAI), or run with --eval-cache-mode read-only against a committed recording");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.Upstream.ToString().TrimEnd('/') + "/" + endpoint));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        using var response = await _upstream.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // Failures are not recorded: a replay would make a passing run depend on a transient error.
            throw new ProviderException($"the model provider answered {endpoint} with {(int)response.StatusCode} {response.ReasonPhrase}: {(text.Length > 300 ? text[..300] + "…" : text)}");
        }

        return new RecordedExchange((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "application/json", text);
    }

    private string MissMessage(string endpoint, string? model, JsonObject material)
    {
        var key = ResponseCache.ComputeKey(material);
        var nearest = _recorded.Nearest(endpoint, material["request"]);
        var difference = nearest is null
            ? $"no recording of {endpoint} exists in {_options.Cache.Directory}"
            : $"the nearest recording ({nearest.Value.Path}) differs first at {RequestDifference.First(nearest.Value.Request, material["request"]) ?? "nothing (it could not be read)"}";
        return $"no recorded response for model {model ?? "(none)"} ({endpoint}, key {key[..12]}) and the cache is read-only; {difference}. "
            + $"Record it with --eval-cache-mode read-write and {_options.ApiKeySource} set, then commit {_options.Cache.Directory}";
    }

    private static async Task RespondErrorAsync(HttpContext context, HttpStatusCode status, string message, string code)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["error"] = new JsonObject { ["message"] = MessagePrefix + message, ["type"] = "tollgate_proxy", ["code"] = code } };
        await context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
