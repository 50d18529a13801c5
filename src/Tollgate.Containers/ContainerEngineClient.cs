using System.Net;
using Docker.DotNet;
using Tollgate.Containers.Internal;

namespace Tollgate.Containers;

/// <summary>
/// A small facade over the Docker Engine API (Docker or podman): images (build, tag, inspect, push, pull, remove),
/// containers (run with env, ports on 127.0.0.1, network and labels; wait, logs, stop, remove), networks, and clean-up
/// by label. Errors come out as <see cref="ContainerException"/>s whose messages carry the daemon's text.
/// </summary>
public sealed partial class ContainerEngineClient : IDisposable
{
    private readonly IBuildLog _log;

    /// <summary>Creates a client for an engine found by <see cref="EngineLocator"/>.</summary>
    public ContainerEngineClient(EngineInfo engine, IBuildLog log)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(log);
        Engine = engine;
        _log = log;

        // Builds and pushes stream for minutes: the per-request timeout stays off and every call takes a token.
        Api = DockerClients.Create(engine.Endpoint, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The engine this client talks to.</summary>
    public EngineInfo Engine { get; }

    /// <summary>The underlying Docker.DotNet client, for operations this facade does not cover.</summary>
    public DockerClient Api { get; }

    /// <summary>Finds an engine (<see cref="EngineLocator"/>) and connects to it.</summary>
    public static async Task<ContainerEngineClient> ConnectAsync(IBuildLog log, CancellationToken cancellationToken)
    {
        var engine = await new EngineLocator().LocateAsync(cancellationToken).ConfigureAwait(false);
        return new ContainerEngineClient(engine, log);
    }

    /// <inheritdoc />
    public void Dispose() => Api.Dispose();

    /// <summary>Runs an API call and turns transport and API errors into a <see cref="ContainerException"/> naming the action.</summary>
    private async Task<T> CallAsync<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (DockerApiException exception)
        {
            throw new ContainerException($"{action} failed: {Messages.FromApiBody(exception.ResponseBody)} (HTTP {(int)exception.StatusCode} from {Engine.Kind} at {Engine.Endpoint})", exception);
        }
        catch (Exception exception) when (IsTransport(exception))
        {
            throw new ContainerException($"{action} failed: the engine at {Engine.Endpoint} did not answer ({Messages.Innermost(exception)}). Is Docker or podman running?", exception);
        }
    }

    /// <summary>Errors of the connection to the engine (Docker.DotNet's managed handler raises socket errors as aggregates).</summary>
    private static bool IsTransport(Exception exception) =>
        exception is HttpRequestException or System.Net.Sockets.SocketException or IOException
        || (exception is AggregateException aggregate && aggregate.InnerExceptions.All(IsTransport));

    private Task<bool> CallAsync(string action, Func<Task> call) => CallAsync(action, async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });

    /// <summary>Runs an API call and returns false when the object does not exist (404).</summary>
    private async Task<bool> CallIfExistsAsync(string action, Func<Task> call)
    {
        try
        {
            await CallAsync(action, call).ConfigureAwait(false);
            return true;
        }
        catch (ContainerException exception) when (exception.InnerException is DockerApiException { StatusCode: HttpStatusCode.NotFound })
        {
            return false;
        }
    }
}
