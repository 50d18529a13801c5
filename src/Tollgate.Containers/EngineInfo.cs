namespace Tollgate.Containers;

/// <summary>An engine that answered <c>/_ping</c> and <c>/version</c>.</summary>
/// <param name="Endpoint">The API endpoint (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:2375</c>).</param>
/// <param name="Source">Where the endpoint came from (<c>DOCKER_HOST</c>, <c>default socket</c>, <c>podman (rootful)</c>...).</param>
/// <param name="Kind">Docker or podman.</param>
/// <param name="Version">The engine's version.</param>
/// <param name="ApiVersion">The Engine API version it speaks.</param>
/// <param name="OperatingSystem">The engine's OS (<c>linux</c>).</param>
/// <param name="Architecture">The engine's architecture (<c>amd64</c>).</param>
public sealed record EngineInfo(Uri Endpoint, string Source, EngineKind Kind, string Version, string ApiVersion, string OperatingSystem, string Architecture)
{
    /// <summary>One line for logs: <c>Docker 20.10.24 (API 1.41) at unix:///var/run/docker.sock (default socket)</c>.</summary>
    public override string ToString() => $"{Kind} {Version} (API {ApiVersion}) at {Endpoint} ({Source})";
}
