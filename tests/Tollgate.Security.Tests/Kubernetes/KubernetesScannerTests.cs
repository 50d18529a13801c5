using Tollgate.Security.Kubernetes;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Kubernetes;

public class KubernetesScannerTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-web
        spec:
          replicas: {{ .Values.replicas }}
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels: { app: web }
            spec:
              {{- if .Values.hostNetwork }}
              hostNetwork: true
              {{- end }}
              securityContext:
                runAsNonRoot: {{ .Values.hardened }}
              containers:
                - name: web
                  image: "registry.example/web:{{ .Values.tag }}"
                  {{- if .Values.hardened }}
                  securityContext:
                    readOnlyRootFilesystem: true
                    allowPrivilegeEscalation: false
                    capabilities: { drop: [ALL] }
                  resources:
                    requests: { cpu: 100m, memory: 128Mi }
                    limits: { cpu: 500m, memory: 256Mi }
                  livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
                  readinessProbe: { httpGet: { path: /ready, port: 8080 } }
                  {{- else }}
                  securityContext:
                    privileged: true
                  {{- end }}
              {{- if .Values.hostPath }}
              volumes:
                - name: host
                  hostPath: { path: /var/run }
              {{- end }}
        """;

    private const string Policies = """
        {{- if .Values.hardened }}
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
        spec:
          minAvailable: 1
          selector:
            matchLabels: { app: web }
        {{- end }}
        """;

    private static TempDirectory Chart()
    {
        var directory = new TempDirectory("tollgate-scan");
        directory.Write("k8s/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        directory.Write("k8s/web/values.yaml", "replicas: 1\ntag: \"1.0\"\nhardened: true\nhostNetwork: false\nhostPath: false\n");
        directory.Write("k8s/web/values-dev.yaml", "replicas: 3\ntag: latest\nhardened: false\nhostNetwork: true\nhostPath: true\n");
        directory.Write("k8s/web/values-prod.yaml", "replicas: 3\n");
        directory.Write("k8s/web/templates/deployment.yaml", Deployment);
        directory.Write("k8s/web/templates/policies.yaml", Policies);
        return directory;
    }

    [RequiresToolFact("helm", ".ci/install.d/20-helm.sh")]
    public async Task Every_values_file_is_rendered_and_insecure_values_are_found()
    {
        using var directory = Chart();

        var result = await new KubernetesScanner(directory.Path).ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.Ran);
        result.ItemsScanned.Should().Be(2);
        result.Findings.Should().OnlyContain(f => f.Message.Contains("values-dev.yaml"), "values-prod.yaml is hardened");
        result.Findings.Select(f => f.RuleId).Should().BeEquivalentTo(
            ["K8S001", "K8S002", "K8S003", "K8S004", "K8S005", "K8S006", "K8S007", "K8S008", "K8S009", "K8S010", "K8S011", "K8S012"]);
        result.Findings.Single(f => f.RuleId == "K8S006").Location.Path.Should().Be("k8s/web/templates/deployment.yaml");
        result.Findings.Single(f => f.RuleId == "K8S011").Location.Path.Should().Be("k8s/web/Chart.yaml");
    }

    [RequiresToolFact("helm", ".ci/install.d/20-helm.sh")]
    public async Task A_chart_that_does_not_render_is_a_finding_with_helms_message()
    {
        using var directory = Chart();
        directory.Write("k8s/web/templates/broken.yaml", "{{ .Values.missing.field }}\n");

        var result = await new KubernetesScanner(directory.Path).ScanAsync(CancellationToken.None);

        result.Findings.Where(f => f.RuleId == "K8S000").Should().HaveCount(2).And.OnlyContain(f => f.Message.Contains("nil pointer") || f.Message.Contains("missing"));
    }

    [Fact]
    public async Task Without_charts_the_scanner_runs_and_says_so()
    {
        using var directory = new TempDirectory("tollgate-scan");

        var result = await new KubernetesScanner(directory.Path).ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.Ran);
        result.Reason.Should().Be("no charts under k8s/");
    }

    [Fact]
    public async Task Without_helm_the_scanner_is_not_run_with_the_fix()
    {
        using var directory = Chart();

        var result = await new KubernetesScanner(directory.Path, helm: "/nonexistent/helm").ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.NotRun);
        result.Reason.Should().Contain("20-helm.sh");
    }

    [Fact]
    public void Jobs_need_no_probes_and_a_pod_level_run_as_non_root_counts()
    {
        const string Yaml = """
            # Source: app/templates/job.yaml
            apiVersion: batch/v1
            kind: Job
            metadata: { name: migrate }
            spec:
              template:
                spec:
                  securityContext: { runAsNonRoot: true }
                  containers:
                    - name: migrate
                      image: registry.example/migrate@sha256:abc
                      securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
                      resources: { requests: { cpu: 1, memory: 1Gi }, limits: { cpu: 1, memory: 1Gi } }
            """;

        var findings = ManifestChecker.Check(RenderedManifest.Parse(Yaml, "k8s/app"), "k8s/app", "k8s/app");

        findings.Select(f => f.RuleId).Should().Equal("K8S011");
    }
}
