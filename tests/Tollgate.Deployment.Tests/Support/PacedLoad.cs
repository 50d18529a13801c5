using System.Diagnostics;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>
/// Load at a steady rate on loopback (what wrk2's -R does; wrk 4 from apt has no rate): one GET every 1/rate seconds,
/// each on its own task, until stopped; every answer is kept with its time, status and the X-Version header of the
/// colour that served it, so a test can count failures and see when traffic moved.
/// </summary>
internal sealed class PacedLoad(Uri url, int perSecond)
{
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

            sent.Add(SendAsync(http, clock));
        }

        return await Task.WhenAll(sent);
    }

    private async Task<LoadSample> SendAsync(HttpClient http, Stopwatch clock)
    {
        var at = clock.Elapsed;
        try
        {
            using var response = await http.GetAsync(url, CancellationToken.None);
            await response.Content.ReadAsStringAsync(CancellationToken.None);
            var version = response.Headers.TryGetValues("X-Version", out var values) ? values.FirstOrDefault() : null;
            return new LoadSample(at, clock.Elapsed, (int)response.StatusCode, version, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new LoadSample(at, clock.Elapsed, 0, null, exception.Message);
        }
    }
}

/// <summary>One request of <see cref="PacedLoad"/>: when it was sent and answered, its status (0: no answer) and which version answered.</summary>
internal sealed record LoadSample(TimeSpan SentAt, TimeSpan AnsweredAt, int Status, string? Version, string? Error)
{
    public bool Failed => Status != 200;
}
