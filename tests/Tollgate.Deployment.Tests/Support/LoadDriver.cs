using System.Collections.Concurrent;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>
/// Steady load on loopback: a few workers send GET requests back to back until the bound or the token, counting every
/// failure (an exception or a status other than 200). Bounded so a test never floods the shared machine.
/// </summary>
internal sealed class LoadDriver(Uri url, int workers, int maxRequests)
{
    private int sent;

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var failures = new ConcurrentQueue<string>();
        var bodies = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var succeeded = 0;
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested && Interlocked.Increment(ref sent) <= maxRequests)
            {
                try
                {
                    using var response = await http.GetAsync(url, CancellationToken.None);
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if ((int)response.StatusCode == 200)
                    {
                        Interlocked.Increment(ref succeeded);
                        bodies.AddOrUpdate(body.Length > 40 ? body[..40] : body, 1, (_, n) => n + 1);
                    }
                    else
                    {
                        failures.Enqueue($"HTTP {(int)response.StatusCode}: {body}");
                    }
                }
                catch (HttpRequestException exception)
                {
                    failures.Enqueue(exception.Message);
                }
                catch (TaskCanceledException exception)
                {
                    failures.Enqueue("timeout: " + exception.Message);
                }
            }
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(tasks);
        return new LoadResult(succeeded, failures.Count, [.. failures.Take(5)], [.. bodies.Keys]);
    }

    /// <summary>Stops early: the workers finish their current request.</summary>
    public void Stop() => Interlocked.Exchange(ref sent, int.MaxValue / 2);
}

internal sealed record LoadResult(int Succeeded, int Failures, IReadOnlyList<string> FailureSamples, IReadOnlyList<string> Bodies);
