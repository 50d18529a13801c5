using System.Globalization;
using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Tollgate.Evaluation;

/// <summary>
/// Polly's retry and timeout around every provider and judge request: retries 429, 408 and 5xx responses, timeouts and
/// connection failures with exponential backoff and jitter, waiting what the server's <c>Retry-After</c> (or
/// <c>retry-after-ms</c>) asks, capped at <see cref="RetryPolicy.MaxDelay"/>; each attempt has its own timeout. What Polly
/// does not know is kept here: throttling is reported to an <see cref="AdaptiveConcurrency"/>, and retries are counted.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly AdaptiveConcurrency? _concurrency;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly RetryPolicy _policy;
    private int _retries;

    /// <summary>Creates a handler.</summary>
    public ResilienceHandler(RetryPolicy policy, TimeSpan timeout, AdaptiveConcurrency? concurrency = null, TimeProvider? time = null, HttpMessageHandler? inner = null)
        : base(inner ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), MaxConnectionsPerServer = 256 })
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _timeout = timeout;
        _concurrency = concurrency;
        _time = time ?? TimeProvider.System;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (policy.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.BaseDelay,
                MaxDelay = policy.MaxDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result) is { } delay ? (TimeSpan?)(delay < _policy.MaxDelay ? delay : _policy.MaxDelay) : null),
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref _retries);
                    return default;
                },
            });
        }

        _pipeline = builder.AddTimeout(timeout).Build();
    }

    /// <summary>The number of retries performed (for reports and tests).</summary>
    public int RetryCount => Volatile.Read(ref _retries);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            // Buffer once so the body can be sent again.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    var attempt = await base.SendAsync(request, token).ConfigureAwait(false);
                    if (attempt.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        _concurrency?.OnThrottled();
                    }

                    return attempt;
                },
                cancellationToken).ConfigureAwait(false);
            if (!IsTransient(response.StatusCode))
            {
                _concurrency?.OnSuccess();
            }

            return response;
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri} timed out after {DurationText.Format(_timeout)}", e);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? date - _time.GetUtcNow() : null;
    }
}
