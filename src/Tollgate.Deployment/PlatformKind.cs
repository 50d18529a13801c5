namespace Tollgate.Deployment;

/// <summary>Where an environment runs.</summary>
public enum PlatformKind
{
    /// <summary>Containers on this machine's Docker engine behind a router container on 127.0.0.1.</summary>
    Local,

    /// <summary>A Kubernetes cluster, through helm and kubectl.</summary>
    Kubernetes,
}
