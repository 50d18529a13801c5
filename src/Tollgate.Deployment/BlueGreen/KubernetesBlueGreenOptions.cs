using Tollgate.Deployment.Kubernetes;

namespace Tollgate.Deployment.BlueGreen;

/// <summary>
/// A blue-green release on Kubernetes: helm releases <c>&lt;release&gt;-blue</c> and <c>&lt;release&gt;-green</c> of the
/// chart, a stable Service <c>&lt;release&gt;</c> whose selector names the active colour, and a preview Service
/// <c>&lt;release&gt;-preview</c> naming the idle one.
/// </summary>
/// <param name="Kubernetes">Chart, cluster and tools.</param>
/// <param name="Environment">The environment (release name, namespace, values file, stable URL).</param>
/// <param name="PreviewUrl">Where the preview Service answers from the pipeline (an ingress host or a port-forward).</param>
public sealed record KubernetesBlueGreenOptions(KubernetesOptions Kubernetes, DeploymentEnvironment Environment, Uri PreviewUrl)
{
    /// <summary>The chart's name label (<c>app.kubernetes.io/name</c> on the pods).</summary>
    public string ChartName { get; init; } = "research-assistant";

    /// <summary>The port the stable and preview Services expose (the pods' named port <c>http</c> behind it).</summary>
    public int ServicePort { get; init; } = 80;

    /// <summary>How long a rollout may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Replicas a scaled-down colour gets back on a manual rollback (the HPA takes over from there).</summary>
    public int RestoreReplicas { get; init; } = 2;

    /// <summary>The helm release of a colour.</summary>
    public string ReleaseOf(Colour colour) => $"{Environment.Release}-{colour.Label()}";

    /// <summary>The stable Service.</summary>
    public string StableService => Environment.Release;

    /// <summary>The preview Service.</summary>
    public string PreviewService => $"{Environment.Release}-preview";
}
