namespace Tollgate.Containers;

/// <summary>Which engine answers the Docker Engine API.</summary>
public enum EngineKind
{
    /// <summary>Docker (dockerd, Docker Desktop, rootless Docker).</summary>
    Docker,

    /// <summary>podman's Docker-compatible service; it runs no health checks and lacks some endpoints.</summary>
    Podman,
}
