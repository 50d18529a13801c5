using System.Globalization;
using Docker.DotNet.Models;

namespace Tollgate.Containers;

/// <summary>Containers: run, inspect, wait, logs, stop, remove.</summary>
public sealed partial class ContainerEngineClient
{
    /// <summary>Creates a container from <paramref name="spec"/> and returns its id.</summary>
    public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // The API omits null fields: a null name, command or user keeps the engine's or the image's default.
        var parameters = new CreateContainerParameters
        {
            Image = spec.Image,
            Name = spec.Name!,
            Env = spec.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
            Labels = new Dictionary<string, string>(spec.Labels),
            Cmd = spec.Command?.ToList()!,
            Entrypoint = spec.Entrypoint?.ToList()!,
            User = spec.User!,
            ExposedPorts = spec.Ports.ToDictionary(p => PortKey(p), _ => new EmptyStruct()),
            HostConfig = new HostConfig
            {
                PortBindings = spec.Ports.ToDictionary(
                    p => PortKey(p),
                    p => (IList<PortBinding>)[new PortBinding { HostIP = "127.0.0.1", HostPort = p.HostPort == 0 ? string.Empty : p.HostPort.ToString(CultureInfo.InvariantCulture) }]),
                NetworkMode = spec.Network!,
                Binds = spec.Binds.Count == 0 ? null! : spec.Binds.ToList(),
            },
        };
        if (spec.Network is not null && spec.NetworkAliases.Count > 0)
        {
            parameters.NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings> { [spec.Network] = new() { Aliases = spec.NetworkAliases.ToList() } },
            };
        }

        return CallAsync($"Creating a container from {spec.Image}", async () =>
            (await Api.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID);
    }

    /// <summary>Starts a created container.</summary>
    public Task StartContainerAsync(string id, CancellationToken cancellationToken) =>
        CallAsync($"Starting container {id}", () => Api.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken));

    /// <summary>Creates and starts a container; on a failed start the container is removed again.</summary>
    public async Task<ContainerDetails> RunContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        var id = await CreateContainerAsync(spec, cancellationToken).ConfigureAwait(false);
        try
        {
            await StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
            return await InspectContainerAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new ContainerException($"Container {id} from {spec.Image} vanished right after it started (was it run with auto-remove, or removed by someone else?).");
        }
        catch
        {
            await RemoveContainerAsync(id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The container's state, ports and addresses, or null when there is no such container.</summary>
    public async Task<ContainerDetails?> InspectContainerAsync(string id, CancellationToken cancellationToken)
    {
        ContainerInspectResponse? response = null;
        var exists = await CallIfExistsAsync($"Inspecting container {id}", async () =>
            response = await Api.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        if (!exists || response is null)
        {
            return null;
        }

        var ports = new Dictionary<int, int>();
        foreach (var (key, bindings) in response.NetworkSettings?.Ports ?? new Dictionary<string, IList<PortBinding>>())
        {
            var hostPort = bindings?.Select(b => b.HostPort).FirstOrDefault(p => !string.IsNullOrEmpty(p));
            if (hostPort is not null)
            {
                ports[int.Parse(key.Split('/')[0], CultureInfo.InvariantCulture)] = int.Parse(hostPort, CultureInfo.InvariantCulture);
            }
        }

        var addresses = (response.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>())
            .Where(n => !string.IsNullOrEmpty(n.Value.IPAddress))
            .ToDictionary(n => n.Key, n => n.Value.IPAddress);
        return new ContainerDetails(
            response.ID,
            response.Name.TrimStart('/'),
            response.Config?.Image ?? response.Image,
            response.State?.Status ?? "unknown",
            response.State?.ExitCode ?? 0,
            response.State?.Health?.Status is { Length: > 0 } health ? health : null,
            ports,
            addresses,
            new Dictionary<string, string>(response.Config?.Labels ?? new Dictionary<string, string>()));
    }

    /// <summary>Waits until the container exits and returns its exit code.</summary>
    public Task<long> WaitContainerAsync(string id, CancellationToken cancellationToken) =>
        CallAsync($"Waiting for container {id}", async () =>
            (await Api.Containers.WaitContainerAsync(id, cancellationToken).ConfigureAwait(false)).StatusCode);

    /// <summary>The container's output (stdout and stderr interleaved as the engine stored them), the last <paramref name="tail"/> lines or all.</summary>
    public Task<string> GetLogsAsync(string id, int? tail, CancellationToken cancellationToken) =>
        CallAsync($"Reading the logs of container {id}", async () =>
        {
            var parameters = new ContainerLogsParameters
            {
                ShowStdout = true,
                ShowStderr = true,
                Tail = tail?.ToString(CultureInfo.InvariantCulture) ?? "all",
            };
            using var stream = await Api.Containers.GetContainerLogsAsync(id, parameters, cancellationToken).ConfigureAwait(false);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken).ConfigureAwait(false);
            return stderr.Length == 0 ? stdout : stdout.Length == 0 ? stderr : stdout + stderr;
        });

    /// <summary>Stops the container (SIGTERM, then SIGKILL after <paramref name="grace"/>); false when it does not exist.</summary>
    public Task<bool> StopContainerAsync(string id, TimeSpan grace, CancellationToken cancellationToken) =>
        CallIfExistsAsync($"Stopping container {id}", () =>
            Api.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Max(0, grace.TotalSeconds) }, cancellationToken));

    /// <summary>Removes the container, running or not, with its anonymous volumes; false when it does not exist.</summary>
    public Task<bool> RemoveContainerAsync(string id, CancellationToken cancellationToken) =>
        CallIfExistsAsync($"Removing container {id}", () =>
            Api.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken));

    /// <summary>The ids of containers (running or not) that carry <paramref name="labelFilter"/> (<c>key=value</c> or <c>key</c>).</summary>
    public Task<IReadOnlyList<string>> ListContainersAsync(string labelFilter, CancellationToken cancellationToken) =>
        CallAsync($"Listing containers labelled {labelFilter}", async () =>
        {
            var list = await Api.Containers.ListContainersAsync(
                new ContainersListParameters { All = true, Filters = LabelFilter(labelFilter) }, cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<string>)list.Select(c => c.ID).ToList();
        });

    private static string PortKey(PortMapping port) => $"{port.ContainerPort.ToString(CultureInfo.InvariantCulture)}/{port.Protocol}";

    private static Dictionary<string, IDictionary<string, bool>> LabelFilter(string labelFilter) =>
        new() { ["label"] = new Dictionary<string, bool> { [labelFilter] = true } };
}
