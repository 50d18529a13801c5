namespace Tollgate.Containers;

/// <summary>A container to run. Ports are published on 127.0.0.1 only; a host port of 0 picks a free one.</summary>
/// <param name="Image">The image reference or id.</param>
public sealed record ContainerSpec(string Image)
{
    /// <summary>The container's name (null: the engine picks one).</summary>
    public string? Name { get; init; }

    /// <summary>Environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Ports to publish on 127.0.0.1.</summary>
    public IReadOnlyList<PortMapping> Ports { get; init; } = [];

    /// <summary>The network to attach to (null: the engine's default bridge).</summary>
    public string? Network { get; init; }

    /// <summary>DNS names of the container on <see cref="Network"/>.</summary>
    public IReadOnlyList<string> NetworkAliases { get; init; } = [];

    /// <summary>Labels; add <see cref="TollgateLabels.For"/> so clean-up finds the container.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The command (arguments to the entrypoint); null keeps the image's.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The entrypoint; null keeps the image's.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>The user (<c>uid[:gid]</c> or name); null keeps the image's.</summary>
    public string? User { get; init; }

    /// <summary>Bind mounts in the engine's <c>host-path:container-path[:ro]</c> form.</summary>
    public IReadOnlyList<string> Binds { get; init; } = [];

    /// <summary>A copy with one more environment variable.</summary>
    public ContainerSpec WithEnvironment(string name, string value) =>
        this with { Environment = new Dictionary<string, string>(Environment) { [name] = value } };

    /// <summary>A copy that publishes <paramref name="containerPort"/> on 127.0.0.1 (<paramref name="hostPort"/> 0: any free port).</summary>
    public ContainerSpec WithPort(int containerPort, int hostPort = 0) => this with { Ports = [.. Ports, new PortMapping(containerPort, hostPort)] };

    /// <summary>A copy with more labels.</summary>
    public ContainerSpec WithLabels(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var merged = new Dictionary<string, string>(Labels);
        foreach (var (key, value) in labels)
        {
            merged[key] = value;
        }

        return this with { Labels = merged };
    }
}

/// <summary>A container port published on 127.0.0.1.</summary>
/// <param name="ContainerPort">The port inside the container.</param>
/// <param name="HostPort">The port on 127.0.0.1; 0 lets the engine pick a free one.</param>
/// <param name="Protocol"><c>tcp</c> or <c>udp</c>.</param>
public sealed record PortMapping(int ContainerPort, int HostPort = 0, string Protocol = "tcp");
