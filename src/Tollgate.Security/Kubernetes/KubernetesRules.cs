namespace Tollgate.Security.Kubernetes;

/// <summary>The Kubernetes rules checked on rendered manifests.</summary>
internal static class KubernetesRules
{
    /// <summary>The chart did not render.</summary>
    public static RuleDescriptor RenderFailed { get; } = new("K8S000", "ChartRenderFailed", "helm template failed for a chart and values file.", "Run the printed helm command and fix the chart or values.", Severity.High);

    /// <summary>runAsNonRoot.</summary>
    public static RuleDescriptor RunAsNonRoot { get; } = new("K8S001", "RunAsNonRoot", "A container may run as root (securityContext.runAsNonRoot is not true).", "Set securityContext.runAsNonRoot: true (and runAsUser to a non-zero id) on the pod or container.", Severity.High);

    /// <summary>readOnlyRootFilesystem.</summary>
    public static RuleDescriptor ReadOnlyRootFilesystem { get; } = new("K8S002", "ReadOnlyRootFilesystem", "A container's root filesystem is writable.", "Set securityContext.readOnlyRootFilesystem: true; mount an emptyDir where the app must write.", Severity.Medium);

    /// <summary>allowPrivilegeEscalation.</summary>
    public static RuleDescriptor AllowPrivilegeEscalation { get; } = new("K8S003", "AllowPrivilegeEscalation", "A container allows privilege escalation.", "Set securityContext.allowPrivilegeEscalation: false.", Severity.High);

    /// <summary>capabilities drop ALL.</summary>
    public static RuleDescriptor DropAllCapabilities { get; } = new("K8S004", "DropAllCapabilities", "A container keeps the default Linux capabilities.", "Set securityContext.capabilities.drop: [ALL] and add back only what is needed.", Severity.Medium);

    /// <summary>requests and limits.</summary>
    public static RuleDescriptor Resources { get; } = new("K8S005", "ResourceRequestsAndLimits", "A container has no CPU or memory requests or limits.", "Set resources.requests and resources.limits for cpu and memory.", Severity.Medium);

    /// <summary>privileged.</summary>
    public static RuleDescriptor Privileged { get; } = new("K8S006", "PrivilegedContainer", "A container runs privileged (root on the node).", "Remove securityContext.privileged: true.", Severity.Critical);

    /// <summary>host namespaces.</summary>
    public static RuleDescriptor HostNamespaces { get; } = new("K8S007", "HostNamespaces", "A pod shares the node's network, PID or IPC namespace.", "Remove hostNetwork, hostPID and hostIPC.", Severity.High);

    /// <summary>hostPath.</summary>
    public static RuleDescriptor HostPath { get; } = new("K8S008", "HostPathVolume", "A pod mounts a hostPath volume (the node's filesystem).", "Use a PersistentVolumeClaim, configMap, secret or emptyDir instead.", Severity.High);

    /// <summary>latest image.</summary>
    public static RuleDescriptor LatestImage { get; } = new("K8S009", "UnpinnedImage", "A container image has no tag or uses :latest.", "Use a version tag or digest (set image.tag in the values file).", Severity.Medium);

    /// <summary>probes.</summary>
    public static RuleDescriptor Probes { get; } = new("K8S010", "LivenessAndReadinessProbes", "A long-running container has no liveness or readiness probe.", "Add livenessProbe and readinessProbe (e.g. httpGet on the health endpoint).", Severity.Low);

    /// <summary>default-deny NetworkPolicy.</summary>
    public static RuleDescriptor DefaultDeny { get; } = new("K8S011", "DefaultDenyNetworkPolicy", "The release has no default-deny NetworkPolicy.", "Add a NetworkPolicy with podSelector: {} and policyTypes [Ingress, Egress] and no rules, then allow what is needed.", Severity.Medium);

    /// <summary>PodDisruptionBudget.</summary>
    public static RuleDescriptor DisruptionBudget { get; } = new("K8S012", "PodDisruptionBudget", "A workload with more than one replica has no PodDisruptionBudget.", "Add a PodDisruptionBudget (minAvailable or maxUnavailable) selecting the workload's pods.", Severity.Medium);

    /// <summary>All rules.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [RenderFailed, RunAsNonRoot, ReadOnlyRootFilesystem, AllowPrivilegeEscalation, DropAllCapabilities, Resources, Privileged, HostNamespaces, HostPath, LatestImage, Probes, DefaultDeny, DisruptionBudget];
}
