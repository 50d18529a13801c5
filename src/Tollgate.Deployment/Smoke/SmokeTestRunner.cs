using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Tollgate.Deployment.Smoke;

/// <summary>Runs smoke checks against a base URL, each retried until it passes or the time is up.</summary>
/// <param name="http">The client (no base address needed; the caller owns it).</param>
public sealed class SmokeTestRunner(HttpClient http)
{
    /// <summary>Runs the checks in order and reports each; never throws for a failing check.</summary>
    public async Task<SmokeReport> RunAsync(Uri baseUrl, IEnumerable<SmokeCheck> checks, SmokeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(options);
        var deadline = Stopwatch.StartNew();
        var results = new List<SmokeResult>();
        foreach (var check in checks)
        {
            results.Add(await RunOneAsync(baseUrl, check, options, deadline, cancellationToken).ConfigureAwait(false));
        }

        return new SmokeReport(baseUrl, [.. results]);
    }

    private async Task<SmokeResult> RunOneAsync(Uri baseUrl, SmokeCheck check, SmokeOptions options, Stopwatch deadline, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var attempts = 0;
        while (true)
        {
            attempts++;
            var (status, problem) = await AttemptAsync(baseUrl, check, options.RequestTimeout, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                return new SmokeResult(check, true, attempts, status, "passed", started.Elapsed);
            }

            if (deadline.Elapsed + options.RetryInterval >= options.Timeout)
            {
                return new SmokeResult(check, false, attempts, status, problem, started.Elapsed);
            }

            await Task.Delay(options.RetryInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(int? Status, string? Problem)> AttemptAsync(Uri baseUrl, SmokeCheck check, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        using var request = new HttpRequestMessage(new HttpMethod(check.Method), Combine(baseUrl, check.Path));
        if (check.JsonBody is not null)
        {
            request.Content = new StringContent(check.JsonBody, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (status != check.ExpectedStatus)
            {
                return (status, $"HTTP {status}, expected {check.ExpectedStatus}");
            }

            var problems = check.Expectations.Select(e => e.Check(body)).OfType<string>().ToList();
            return (status, problems.Count == 0 ? null : string.Join("; ", problems));
        }
        catch (HttpRequestException exception)
        {
            return (null, $"no answer: {exception.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {DurationText.Format(requestTimeout)}");
        }
    }

    /// <summary>The check's path below the base URL's path (<c>http://h/preview/blue/</c> + <c>/health</c>), not replacing it.</summary>
    internal static Uri Combine(Uri baseUrl, string path) =>
        new(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + path.TrimStart('/'));
}
