namespace Tollgate.Deployment.Kubernetes;

/// <summary>How the Kubernetes platform runs helm and kubectl.</summary>
/// <param name="RootDirectory">The repository root; values files are relative to it.</param>
/// <param name="Chart">The chart: a directory, a packaged .tgz or an oci:// reference.</param>
public sealed record KubernetesOptions(string RootDirectory, string Chart)
{
    /// <summary>The cluster (default: the default kubeconfig and context).</summary>
    public KubernetesConnection Connection { get; init; } = KubernetesConnection.Default;

    /// <summary>The helm executable.</summary>
    public string Helm { get; init; } = "helm";

    /// <summary>The kubectl executable.</summary>
    public string Kubectl { get; init; } = "kubectl";

    /// <summary>How old a pending-* revision must be before it counts as abandoned; default: the deploy timeout.</summary>
    public TimeSpan? StaleAfter { get; init; }

    /// <summary>Smoke-test retry settings (their timeout is capped by the request's).</summary>
    public Smoke.SmokeOptions Smoke { get; init; } = Tollgate.Deployment.Smoke.SmokeOptions.Default;
}
