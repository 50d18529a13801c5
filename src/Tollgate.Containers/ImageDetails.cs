namespace Tollgate.Containers;

/// <summary>What the engine says about an image.</summary>
/// <param name="Id">The image id.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="RepoDigests">Its digests in registries (<c>repository@sha256:...</c>), after a push or pull.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Created">When it was built.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="User">The user it runs as.</param>
/// <param name="ExposedPorts">Ports it exposes (<c>8080/tcp</c>).</param>
/// <param name="HealthCheck">The health check command, or null.</param>
public sealed record ImageDetails(
    string Id,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> RepoDigests,
    long Size,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Labels,
    string User,
    IReadOnlyList<string> ExposedPorts,
    IReadOnlyList<string>? HealthCheck);
