using System.Net;
using System.Net.Sockets;

namespace Tollgate.Components.LlmEval;

/// <summary>Starts the system under test on a loopback port for the run and waits until it answers HTTP.</summary>
public static class LlmEvalService
{
    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts <paramref name="command"/> (which must listen on <paramref name="port"/>) and polls it until it answers:
    /// with 2xx at <paramref name="readinessPath"/>, or with anything at all when that is <see langword="null"/>.
    /// </summary>
    public static async Task<IRunningProcess> StartAsync(IProcessRunner processes, CommandSpec command, int port, string? readinessPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var service = processes.Start(command);
        try
        {
            await WaitUntilReadyAsync(service, new Uri($"http://127.0.0.1:{port}{readinessPath ?? "/"}"), readinessPath is not null, timeout, cancellationToken).ConfigureAwait(false);
            return service;
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task WaitUntilReadyAsync(IRunningProcess service, Uri probe, bool needSuccess, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string? last = null;
        while (true)
        {
            if (service.HasExited)
            {
                // Validates the exit code: a failed start raises the runner's error with the command and its last lines.
                var result = await service.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                throw new TollgateException($"the system under test exited with code {result.ExitCode} before it answered {probe}; its output is above");
            }

            try
            {
                using var response = await http.GetAsync(probe, deadline.Token).ConfigureAwait(false);
                if (!needSuccess || response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && !deadline.IsCancellationRequested)
            {
                last = "no answer within 5 s";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TollgateException($"the system under test did not answer {probe} within {DurationText.Format(timeout)} (last: {last ?? "nothing"}); check its output above, or raise LlmEvalServiceSettings.StartTimeout");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TollgateException($"the system under test did not answer {probe} within {DurationText.Format(timeout)} (last: {last ?? "nothing"}); check its output above, or raise LlmEvalServiceSettings.StartTimeout");
            }
        }
    }
}
