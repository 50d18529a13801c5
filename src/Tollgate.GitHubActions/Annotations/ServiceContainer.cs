using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>A service container started next to the target's job (Linux runners), e.g. a database for integration tests.</summary>
/// <param name="Name">The service id; also its host name inside the job network.</param>
/// <param name="Image">The image, e.g. <c>postgres:17</c>.</param>
public sealed record ServiceContainer(string Name, string Image)
{
    /// <summary>Port mappings, e.g. <c>5432:5432</c>.</summary>
    public ImmutableArray<string> Ports { get; init; } = [];

    /// <summary>Environment of the container (plain values; never secrets).</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Extra <c>docker create</c> options, e.g. a health check.</summary>
    public string? Options { get; init; }

    /// <summary>Adds a port mapping.</summary>
    public ServiceContainer WithPort(string mapping) => this with { Ports = Ports.Add(mapping) };

    /// <summary>Sets an environment variable of the container.</summary>
    public ServiceContainer WithEnvironment(string name, string value) => this with { Environment = Environment.SetItem(name, value) };

    /// <summary>Sets the container options.</summary>
    public ServiceContainer WithOptions(string options) => this with { Options = options };
}
