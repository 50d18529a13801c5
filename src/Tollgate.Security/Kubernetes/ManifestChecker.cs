using YamlDotNet.RepresentationModel;

namespace Tollgate.Security.Kubernetes;

/// <summary>
/// Checks one rendered release (a chart with one values file): pod and container security settings, resources,
/// images and probes per workload, and release-wide a default-deny NetworkPolicy and PodDisruptionBudgets.
/// </summary>
internal static class ManifestChecker
{
    private static readonly string[] ResourceKinds = ["requests", "limits"];
    private static readonly string[] ResourceNames = ["cpu", "memory"];
    private static readonly HashSet<string> Workloads = new(StringComparer.Ordinal) { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod" };

    /// <summary>The findings for one release.</summary>
    /// <param name="manifests">The rendered objects.</param>
    /// <param name="release">How the release is named in messages and fingerprints, e.g. <c>k8s/app with values-prod.yaml</c>.</param>
    /// <param name="chartPath">The chart's folder, relative to the root (where release-wide findings point).</param>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<RenderedManifest> manifests, string release, string chartPath)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var findings = new List<Finding>();
        var budgets = manifests.Where(m => m.Kind == "PodDisruptionBudget").Select(m => m.Document.Labels("spec", "selector", "matchLabels")).ToList();
        foreach (var workload in manifests.Where(m => Workloads.Contains(m.Kind)))
        {
            var podTemplate = workload.Kind switch
            {
                "Pod" => workload.Document,
                "CronJob" => workload.Document.Get("spec", "jobTemplate", "spec", "template"),
                _ => workload.Document.Get("spec", "template"),
            };
            var pod = workload.Kind == "Pod" ? workload.Document.Get("spec") : podTemplate.Get("spec");
            void Add(RuleDescriptor rule, string subject, string problem) =>
                findings.Add(Finding.Create("kubernetes", rule.Id, rule.Severity, $"{workload.Kind}/{workload.Name}{subject} ({release}): {problem}", new FindingLocation(workload.Source, 1), $"{release}|{workload.Kind}/{workload.Name}{subject}") with { Help = rule.Help });

            if (pod.IsTrue("hostNetwork") || pod.IsTrue("hostPID") || pod.IsTrue("hostIPC"))
            {
                Add(KubernetesRules.HostNamespaces, string.Empty, "shares a host namespace (hostNetwork/hostPID/hostIPC).");
            }

            foreach (var volume in pod.Items("volumes").Where(v => v.Get("hostPath") is not null))
            {
                Add(KubernetesRules.HostPath, $" volume '{volume.Text("name")}'", $"mounts hostPath {volume.Text("hostPath", "path")}.");
            }

            var longRunning = workload.Kind is not ("Job" or "CronJob");
            foreach (var container in pod.Items("containers").Concat(pod.Items("initContainers")))
            {
                CheckContainer(container, pod, longRunning && pod.Items("containers").Contains(container), Add);
            }

            var replicas = int.TryParse(workload.Document.Text("spec", "replicas") ?? "1", out var n) ? n : 1;
            var podLabels = podTemplate.Labels("metadata", "labels");
            if (workload.Kind is "Deployment" or "StatefulSet" && replicas > 1 && !budgets.Any(b => b.Count > 0 && b.All(l => podLabels.TryGetValue(l.Key, out var v) && v == l.Value)))
            {
                Add(KubernetesRules.DisruptionBudget, string.Empty, $"has {replicas} replicas and no PodDisruptionBudget selects its pods, so a node drain can take them all down.");
            }
        }

        if (manifests.Any(m => Workloads.Contains(m.Kind)) && !manifests.Any(IsDefaultDeny))
        {
            var rule = KubernetesRules.DefaultDeny;
            findings.Add(Finding.Create("kubernetes", rule.Id, rule.Severity, $"{release}: no default-deny NetworkPolicy (podSelector {{}} with Ingress and Egress policy types), so every pod accepts traffic from anywhere.", new FindingLocation(chartPath + "/Chart.yaml", 1), release) with { Help = rule.Help });
        }

        return findings;
    }

    private static void CheckContainer(YamlNode container, YamlNode? pod, bool needsProbes, Action<RuleDescriptor, string, string> add)
    {
        var subject = $" container '{container.Text("name")}'";
        var security = container.Get("securityContext");
        var podSecurity = pod.Get("securityContext");
        if (!(security.IsTrue("runAsNonRoot") || (podSecurity.IsTrue("runAsNonRoot") && !security.IsFalse("runAsNonRoot"))) || security.Text("runAsUser") == "0")
        {
            add(KubernetesRules.RunAsNonRoot, subject, "securityContext.runAsNonRoot is not true, so it may run as root.");
        }

        if (!security.IsTrue("readOnlyRootFilesystem"))
        {
            add(KubernetesRules.ReadOnlyRootFilesystem, subject, "securityContext.readOnlyRootFilesystem is not true.");
        }

        if (!security.IsFalse("allowPrivilegeEscalation"))
        {
            add(KubernetesRules.AllowPrivilegeEscalation, subject, "securityContext.allowPrivilegeEscalation is not false.");
        }

        if (!security.Items("capabilities", "drop").OfType<YamlScalarNode>().Any(c => string.Equals(c.Value, "ALL", StringComparison.OrdinalIgnoreCase)))
        {
            add(KubernetesRules.DropAllCapabilities, subject, "securityContext.capabilities.drop does not include ALL.");
        }

        if (security.IsTrue("privileged"))
        {
            add(KubernetesRules.Privileged, subject, "runs privileged.");
        }

        var missing = ResourceKinds.SelectMany(kind => ResourceNames.Where(r => container.Text("resources", kind, r) is null).Select(r => $"{kind}.{r}")).ToList();
        if (missing.Count > 0)
        {
            add(KubernetesRules.Resources, subject, $"resources {string.Join(", ", missing)} not set.");
        }

        var image = container.Text("image") ?? string.Empty;
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        if (!image.Contains('@', StringComparison.Ordinal) && (!lastSegment.Contains(':', StringComparison.Ordinal) || lastSegment.EndsWith(":latest", StringComparison.Ordinal)))
        {
            add(KubernetesRules.LatestImage, subject, $"image '{image}' is not pinned to a version.");
        }

        if (needsProbes && (container.Get("livenessProbe") is null || container.Get("readinessProbe") is null))
        {
            add(KubernetesRules.Probes, subject, $"has no {(container.Get("livenessProbe") is null ? "livenessProbe" : "readinessProbe")}.");
        }
    }

    private static bool IsDefaultDeny(RenderedManifest manifest)
    {
        if (manifest.Kind != "NetworkPolicy" || manifest.Document.Get("spec", "podSelector") is not YamlMappingNode selector)
        {
            return false;
        }

        var selectsAll = selector.Children.Count == 0 || selector.Children.All(c => c.Value is YamlMappingNode { Children.Count: 0 });
        var types = manifest.Document.Items("spec", "policyTypes").OfType<YamlScalarNode>().Select(t => t.Value).ToList();
        return selectsAll && types.Contains("Ingress") && types.Contains("Egress") && !manifest.Document.Items("spec", "ingress").Any() && !manifest.Document.Items("spec", "egress").Any();
    }
}
