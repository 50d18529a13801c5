using Docker.DotNet;
using Tollgate.Containers.Internal;

namespace Tollgate.Containers;

/// <summary>
/// Finds a container engine: <c>DOCKER_HOST</c> when set (and then only it), else Docker's default socket, rootless Docker, Docker
/// Desktop and podman's sockets (rootful and rootless). An endpoint counts when <c>/_ping</c> answers and
/// <c>/version</c> tells the engine (Docker or podman) and its API version.
/// </summary>
public sealed class EngineLocator
{
    private readonly Func<string, string?> _environment;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a locator that reads the process environment.</summary>
    public EngineLocator()
        : this(Environment.GetEnvironmentVariable, TimeSpan.FromSeconds(15))
    {
    }

    /// <summary>Creates a locator with an environment reader (for tests) and a per-endpoint timeout.</summary>
    public EngineLocator(Func<string, string?> environment, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _timeout = timeout;
    }

    /// <summary>The endpoints tried, in order; when <c>DOCKER_HOST</c> is set, only it.</summary>
    internal IReadOnlyList<EngineCandidate> Candidates()
    {
        var candidates = new List<EngineCandidate>();
        if (_environment("DOCKER_HOST") is { Length: > 0 } dockerHost)
        {
            // As the Docker CLI does: a DOCKER_HOST that is set is the only endpoint.
            return [new EngineCandidate(new Uri(dockerHost), "DOCKER_HOST")];
        }

        candidates.Add(Unix("/var/run/docker.sock", "Docker's default socket"));
        if (_environment("XDG_RUNTIME_DIR") is { Length: > 0 } runtime)
        {
            candidates.Add(Unix(Path.Combine(runtime, "docker.sock"), "rootless Docker"));
            candidates.Add(Unix(Path.Combine(runtime, "podman", "podman.sock"), "podman (rootless)"));
        }

        if (_environment("HOME") is { Length: > 0 } home)
        {
            candidates.Add(Unix(Path.Combine(home, ".docker", "run", "docker.sock"), "Docker Desktop"));
        }

        candidates.Add(Unix("/run/podman/podman.sock", "podman (rootful)"));
        return candidates.DistinctBy(c => c.Endpoint).ToList();
    }

    /// <summary>The first engine that answers, or an <see cref="EngineNotFoundException"/> listing what was tried.</summary>
    public async Task<EngineInfo> LocateAsync(CancellationToken cancellationToken)
    {
        var attempts = new List<string>();
        foreach (var candidate in Candidates())
        {
            var (engine, failure) = await ProbeAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (engine is not null)
            {
                return engine;
            }

            attempts.Add($"{candidate.Endpoint} ({candidate.Source}): {failure}");
        }

        throw new EngineNotFoundException(
            "No container engine answered. Tried:\n  " + string.Join("\n  ", attempts)
            + "\nStart one: Docker (`sudo systemctl start docker`, or `dockerd &` as root; Debian: apt-get install docker.io), "
            + "or podman (`podman system service --time=0 unix:///run/podman/podman.sock &`), or point DOCKER_HOST at a running engine.")
        {
            Attempts = attempts,
        };
    }

    /// <summary>Asks one endpoint for <c>/_ping</c> and <c>/version</c>; returns the engine or why it did not answer.</summary>
    internal async Task<(EngineInfo? Engine, string? Failure)> ProbeAsync(EngineCandidate candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Endpoint.Scheme == "unix" && !File.Exists(candidate.Endpoint.LocalPath))
        {
            return (null, "no socket there");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var client = DockerClients.Create(candidate.Endpoint, _timeout);
            await client.System.PingAsync(timeout.Token).ConfigureAwait(false);
            var version = await client.System.GetVersionAsync(timeout.Token).ConfigureAwait(false);
            var isPodman = (version.Components ?? []).Any(c => c.Name?.Contains("Podman", StringComparison.OrdinalIgnoreCase) == true)
                || version.Platform?.Name?.Contains("Podman", StringComparison.OrdinalIgnoreCase) == true;
            return (new EngineInfo(candidate.Endpoint, candidate.Source, isPodman ? EngineKind.Podman : EngineKind.Docker, version.Version, version.APIVersion, version.Os, version.Arch), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {DurationText.Format(_timeout)}");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or DockerApiException or System.Net.Sockets.SocketException or TimeoutException or AggregateException)
        {
            return (null, Messages.Innermost(exception));
        }
    }

    private static EngineCandidate Unix(string path, string source) => new(new Uri("unix://" + path), source);
}
