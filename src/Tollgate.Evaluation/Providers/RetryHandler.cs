using System.Globalization;
using System.Net;

namespace Tollgate.Evaluation;

/// <summary>
/// Retries 429 and 5xx responses, timeouts and connection failures with exponential backoff, waiting what the server's
/// <c>Retry-After</c> (or <c>retry-after-ms</c>) asks; reports throttling to an <see cref="AdaptiveConcurrency"/>.
/// Each attempt has its own timeout.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    private readonly RetryPolicy _policy;
    private readonly TimeSpan _timeout;
    private readonly AdaptiveConcurrency? _concurrency;
    private readonly TimeProvider _time;

    /// <summary>Creates a handler.</summary>
    public RetryHandler(RetryPolicy policy, TimeSpan timeout, AdaptiveConcurrency? concurrency = null, TimeProvider? time = null, HttpMessageHandler? inner = null)
        : base(inner ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), MaxConnectionsPerServer = 256 })
    {
        _policy = policy;
        _timeout = timeout;
        _concurrency = concurrency;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The number of retries performed (for reports and tests).</summary>
    public int RetryCount => _retries;

    private int _retries;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            // Buffer once so the body can be sent again.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; ; attempt++)
        {
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(_timeout);
            HttpResponseMessage? response = null;
            Exception? failure = null;
            try
            {
                response = await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new TimeoutException($"{request.Method} {request.RequestUri} timed out after {_timeout.TotalSeconds:0.#} s");
            }
            catch (HttpRequestException e)
            {
                failure = e;
            }

            var transient = failure is not null || IsTransient(response!.StatusCode);
            if (response?.StatusCode == HttpStatusCode.TooManyRequests)
            {
                _concurrency?.OnThrottled();
            }

            if (!transient)
            {
                _concurrency?.OnSuccess();
                return response!;
            }

            if (attempt >= _policy.MaxRetries)
            {
                return response ?? throw (failure is TimeoutException ? new TimeoutException(failure.Message, failure) : new HttpRequestException(failure!.Message, failure));
            }

            var delay = RetryAfter(response) ?? Backoff(attempt);
            response?.Dispose();
            Interlocked.Increment(ref _retries);
            await Task.Delay(delay < _policy.MaxDelay ? delay : _policy.MaxDelay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _policy.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(exponential * jitter);
    }

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
