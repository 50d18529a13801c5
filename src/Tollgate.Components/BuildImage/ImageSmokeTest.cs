using System.Diagnostics;
using System.Net.Http.Json;
using Tollgate.Containers;

namespace Tollgate.Components.BuildImage;

/// <summary>
/// Runs an image on a free 127.0.0.1 port, polls <c>/health</c> over HTTP until it answers 200 (podman runs no
/// HEALTHCHECK, so the engine's health is not relied on), sends one <c>POST /query</c>, then stops and removes the
/// container. A failure carries the container's last log lines.
/// </summary>
internal sealed class ImageSmokeTest(ContainerEngineClient client, IBuildLog log)
{
    /// <summary>Runs the smoke test; <paramref name="labels"/> let clean-up find the container if this is interrupted.</summary>
    public async Task RunAsync(string image, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var container = await client.RunContainerAsync(new ContainerSpec(image) { Labels = labels }.WithPort(8080), cancellationToken).ConfigureAwait(false);
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{container.HostPort(8080)}");
            using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
            var stopwatch = Stopwatch.StartNew();
            string? lastProblem = null;
            while (true)
            {
                try
                {
                    using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                    if (health.IsSuccessStatusCode)
                    {
                        break;
                    }

                    lastProblem = $"GET /health answered {(int)health.StatusCode}";
                }
                catch (HttpRequestException exception)
                {
                    lastProblem = $"GET /health: {exception.Message}";
                }

                var state = await client.InspectContainerAsync(container.Id, cancellationToken).ConfigureAwait(false);
                if (state is null || !state.IsRunning)
                {
                    await FailAsync(container.Id, $"the container exited (code {state?.ExitCode}) before /health answered", cancellationToken).ConfigureAwait(false);
                }

                if (stopwatch.Elapsed > timeout)
                {
                    await FailAsync(container.Id, $"/health did not answer 200 within {DurationText.Format(timeout)} ({lastProblem})", cancellationToken).ConfigureAwait(false);
                }

                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }

            log.Information($"Smoke test: GET /health answered 200 after {DurationText.Format(stopwatch.Elapsed)}");
            using var query = await http.PostAsJsonAsync(new Uri("/query", UriKind.Relative), new { question = "What does the service do?" }, cancellationToken).ConfigureAwait(false);
            if (!query.IsSuccessStatusCode)
            {
                await FailAsync(container.Id, $"POST /query answered {(int)query.StatusCode}: {await query.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}", cancellationToken).ConfigureAwait(false);
            }

            log.Information("Smoke test: POST /query answered 200");
        }
        finally
        {
            await client.StopContainerAsync(container.Id, TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            await client.RemoveContainerAsync(container.Id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task FailAsync(string id, string problem, CancellationToken cancellationToken)
    {
        var logs = await client.GetLogsAsync(id, 30, cancellationToken).ConfigureAwait(false);
        throw new ContainerException($"Smoke test failed: {problem}.\nLast lines of the container's log:\n  {string.Join("\n  ", logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(30))}");
    }
}
