using System.Net;
using System.Net.Sockets;

namespace Tollgate.Components.LlmEval;

/// <summary>Starts the system under test (e.g. the ResearchAssistant service) on a free loopback port for the run.</summary>
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
    /// Starts <paramref name="command"/> (which must listen on <paramref name="port"/>) and waits until it prints
    /// ASP.NET Core's "Now listening on" line.
    /// </summary>
    public static async Task<IRunningProcess> StartAsync(IProcessRunner processes, CommandSpec command, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var service = processes.Start(command);
        try
        {
            await service.WaitForOutputAsync(line => line.Contains("Now listening on", StringComparison.Ordinal) && line.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), timeout, cancellationToken).ConfigureAwait(false);
            return service;
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
