using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>
/// Open-loop load at a steady rate on loopback (what wrk2's -R does; wrk 4 from apt has no rate): one request every
/// 1/rate seconds whether or not the previous one answered (so a stalled switch shows as failures, not as a slower
/// client), each on its own task, until stopped. Every answer is kept with its time, status and the version that served
/// it (the X-Version header, else a "version" field of a JSON body), so a test can count failures and see when traffic moved.
/// </summary>
internal sealed class PacedLoad(int perSecond, Func<long, HttpRequestMessage> request)
{
    /// <summary>GET <paramref name="url"/> at <paramref name="perSecond"/> requests a second.</summary>
    public PacedLoad(Uri url, int perSecond)
        : this(perSecond, _ => new HttpRequestMessage(HttpMethod.Get, url))
    {
    }

    public async Task<IReadOnlyList<LoadSample>> RunAsync(CancellationToken stop)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        var sent = new List<Task<LoadSample>>();
        for (long i = 0; !stop.IsCancellationRequested; i++)
        {
            var wait = TimeSpan.FromSeconds(i / (double)perSecond) - clock.Elapsed;
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

            sent.Add(SendAsync(http, request(i), clock));
        }

        return await Task.WhenAll(sent);
    }

    private static async Task<LoadSample> SendAsync(HttpClient http, HttpRequestMessage message, Stopwatch clock)
    {
        var at = clock.Elapsed;
        using (message)
        {
            try
            {
                using var response = await http.SendAsync(message, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var status = (int)response.StatusCode;
                var version = response.Headers.TryGetValues("X-Version", out var values) ? values.FirstOrDefault() : VersionField(body);
                return new LoadSample(at, clock.Elapsed, status, version, status == 200 ? null : $"HTTP {status}: {(body.Length > 200 ? body[..200] : body)}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return new LoadSample(at, clock.Elapsed, 0, null, exception.Message);
            }
        }
    }

    private static string? VersionField(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One request of <see cref="PacedLoad"/>: when it was sent and answered, its status (0: no answer) and which version answered.</summary>
internal sealed record LoadSample(TimeSpan SentAt, TimeSpan AnsweredAt, int Status, string? Version, string? Error)
{
    public bool Failed => Status != 200;
}

/// <summary>What tests read from a run of <see cref="PacedLoad"/>.</summary>
internal static class LoadSamples
{
    /// <summary>The versions that answered, in the order the requests were sent, each run of one version once.</summary>
    public static IReadOnlyList<string> VersionsInOrder(this IReadOnlyList<LoadSample> samples)
    {
        var served = new List<string>();
        foreach (var version in samples.Select(s => s.Version).OfType<string>())
        {
            if (served.Count == 0 || served[^1] != version)
            {
                served.Add(version);
            }
        }

        return served;
    }

    /// <summary>The first failures, one a line, for an assertion's message.</summary>
    public static string FirstFailures(this IReadOnlyList<LoadSample> samples, int count = 5) =>
        string.Join("\n", samples.Where(s => s.Failed).Take(count).Select(f => $"{f.SentAt}: {f.Status} {f.Error}"));

    /// <summary>A line for the test output: requests, rate, failures and the versions served.</summary>
    public static string Describe(this IReadOnlyList<LoadSample> samples)
    {
        var seconds = samples.Count < 2 ? 0 : (samples[^1].SentAt - samples[0].SentAt).TotalSeconds;
        var rate = seconds > 0 ? samples.Count / seconds : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{samples.Count} requests in {seconds:0.0} s ({rate:0} req/s), {samples.Count(s => s.Failed)} failed; versions served: {string.Join(" -> ", samples.VersionsInOrder())}");
    }
}
