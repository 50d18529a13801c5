using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>
/// Open-loop load at a fixed rate on loopback: one request every <c>1/rate</c> seconds whether or not the previous one
/// answered (so a stalled switch shows as failures, not as a slower client), alternating <c>GET /health</c> and
/// <c>POST /query</c>. Counts every failure (an exception, a timeout or a status other than 200) and records which
/// version each /health answer came from, so the result lists the versions in the order the requests were sent.
/// </summary>
internal sealed class SteadyLoad(Uri baseUrl, int requestsPerSecond)
{
    private const string Question = "{\"question\":\"How much does the Team plan cost per seat per month?\"}";
    private readonly ConcurrentQueue<string> failures = new();
    private readonly ConcurrentDictionary<int, string> versions = new();
    private int sent;
    private int succeeded;

    public async Task<SteadyLoadResult> RunAsync(CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var inFlight = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / requestsPerSecond);
        var started = DateTime.UtcNow;
        while (!stop.IsCancellationRequested)
        {
            var index = sent++;
            inFlight.Add(SendAsync(http, index));
            var next = started + (interval * sent);
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await Task.WhenAll(inFlight);
        var elapsed = DateTime.UtcNow - started;
        var served = new List<string>();
        foreach (var (_, version) in versions.OrderBy(v => v.Key))
        {
            if (served.Count == 0 || served[^1] != version)
            {
                served.Add(version);
            }
        }

        return new SteadyLoadResult(sent, succeeded, failures.Count, [.. failures.Take(5)], served, elapsed);
    }

    private async Task SendAsync(HttpClient http, int index)
    {
        try
        {
            using var response = index % 2 == 0
                ? await http.GetAsync(new Uri(baseUrl, "health"), CancellationToken.None)
                : await http.PostAsync(new Uri(baseUrl, "query"), new StringContent(Question, Encoding.UTF8, "application/json"), CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            if ((int)response.StatusCode != 200)
            {
                failures.Enqueue($"request {index}: HTTP {(int)response.StatusCode}: {(body.Length > 200 ? body[..200] : body)}");
                return;
            }

            Interlocked.Increment(ref succeeded);
            if (index % 2 == 0 && JsonDocument.Parse(body).RootElement.TryGetProperty("version", out var version) && version.GetString() is { } text)
            {
                versions[index] = text;
            }
        }
        catch (HttpRequestException exception)
        {
            failures.Enqueue($"request {index}: {exception.Message}");
        }
        catch (TaskCanceledException exception)
        {
            failures.Enqueue($"request {index}: timeout: {exception.Message}");
        }
    }
}

internal sealed record SteadyLoadResult(int Sent, int Succeeded, int Failures, IReadOnlyList<string> FailureSamples, IReadOnlyList<string> Versions, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Sent} requests in {Elapsed.TotalSeconds:0.0} s ({Sent / Elapsed.TotalSeconds:0} req/s): {Succeeded} succeeded, {Failures} failed; versions served: {string.Join(" -> ", Versions)}";
}
