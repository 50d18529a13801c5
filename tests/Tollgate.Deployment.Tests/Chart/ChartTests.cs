using System.Text.Json.Nodes;
using Json.Schema;
using k8s.Models;
using Tollgate.Deployment.Kubernetes;
using Tollgate.Deployment.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.Chart;

/// <summary>The Helm chart k8s/research-assistant, linted and rendered by the real helm and validated strictly.</summary>
public sealed class ChartTests
{
    private const string Helm = "helm";
    private const string Hint = ".ci/install.d/20-helm.sh";
    private static readonly string[] ValuesFiles = ["values.yaml", "values-dev.yaml", "values-staging.yaml", "values-prod.yaml"];

    [RequiresToolFact(Helm, Hint)]
    public async Task Helm_lint_strict_is_clean_with_every_values_file()
    {
        var tools = new Tools();
        foreach (var values in ValuesFiles)
        {
            var result = await tools.Runner.RunAsync(HelmCli.Lint(RenderedChart.ChartDirectory, Path.Combine(RenderedChart.ChartDirectory, values)).WithCapture(), CancellationToken.None);
            result.StandardOutput.Should().Contain("0 chart(s) failed", values);
            result.StandardOutput.Should().NotContain("[WARNING]", values);
        }
    }

    [RequiresToolFact(Helm, Hint)]
    public async Task The_values_schema_rejects_a_tag_instead_of_a_digest_and_an_unknown_colour()
    {
        var tools = new Tools();
        var lint = HelmCli.Lint(RenderedChart.ChartDirectory, Path.Combine(RenderedChart.ChartDirectory, "values.yaml"))
            .AddArguments("--set", "image.digest=latest", "--set", "color=red", "--set", "securityContext.readOnlyRootFilesystem=false").WithCapture().WithValidation(false);

        var result = await tools.Runner.RunAsync(lint, CancellationToken.None);

        result.ExitCode.Should().NotBe(0);
        var output = result.StandardOutput + result.StandardError;
        output.Should().Contain("/image/digest").And.Contain("/color").And.Contain("readOnlyRootFilesystem");
    }

    [RequiresToolFact(Helm, Hint)]
    public async Task Every_values_file_renders_manifests_that_load_strictly_into_the_Kubernetes_models()
    {
        foreach (var values in ValuesFiles)
        {
            var chart = await RenderedChart.RenderAsync(values);

            chart.Objects.Should().NotBeEmpty(values);
            chart.Single<V1Deployment>().Spec.Template.Spec.Containers.Should().ContainSingle(values);
            foreach (var resource in chart.CustomResources)
            {
                ValidateCustomResource(resource);
            }
        }
    }

    [Fact]
    public void Strict_loading_catches_a_misspelt_field_so_the_check_above_can_fail()
    {
        var act = () => RenderedChart.Parse("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  selectr:\n    a: b\n");

        act.Should().Throw<Exception>().Which.Message.Should().Contain("selectr");
    }

    [Fact]
    public void The_custom_resource_schemas_reject_a_misspelt_field()
    {
        var rule = JsonNode.Parse("""{"apiVersion":"monitoring.coreos.com/v1","kind":"PrometheusRule","metadata":{"name":"x"},"spec":{"groups":[{"name":"g","rules":[{"alert":"A","expr":"up","fro":"5m"}]}]}}""")!.AsObject();

        FluentActions.Invoking(() => ValidateCustomResource(rule)).Should().Throw<Exception>().WithMessage("*fro*");
    }

    [RequiresToolFact(Helm, Hint)]
    public async Task The_pod_runs_hardened_with_probes_limits_the_colour_label_and_the_image_by_digest()
    {
        var digest = "sha256:" + new string('d', 64);
        var chart = await RenderedChart.RenderAsync("values-staging.yaml", "research-staging", "--set", $"image.digest={digest}", "--set", "image.repository=127.0.0.1:5000/research-assistant");

        var deployment = chart.Single<V1Deployment>();
        var pod = deployment.Spec.Template.Spec;
        var container = pod.Containers.Single();
        container.Image.Should().Be($"127.0.0.1:5000/research-assistant@{digest}");
        container.SecurityContext.RunAsNonRoot.Should().BeTrue();
        container.SecurityContext.ReadOnlyRootFilesystem.Should().BeTrue();
        container.SecurityContext.AllowPrivilegeEscalation.Should().BeFalse();
        container.SecurityContext.Capabilities.Drop.Should().Equal("ALL");
        pod.SecurityContext.RunAsNonRoot.Should().BeTrue();
        container.LivenessProbe.HttpGet.Path.Should().Be("/health");
        container.ReadinessProbe.HttpGet.Path.Should().Be("/health");
        container.Resources.Requests.Should().ContainKeys("cpu", "memory");
        container.Resources.Limits.Should().ContainKeys("cpu", "memory");
        container.VolumeMounts.Should().ContainSingle(m => m.MountPath == "/tmp", "a read-only root needs a writable /tmp");
        deployment.Spec.Selector.MatchLabels.Should().Contain("color", "blue");
        deployment.Spec.Template.Metadata.Labels.Should().Contain("color", "blue");
        chart.Single<V1Service>().Spec.Selector.Should().Contain("color", "blue");

        container.EnvFrom.Single().ConfigMapRef.Name.Should().Be(chart.Single<V1ConfigMap>().Metadata.Name);
        chart.Single<V1ConfigMap>().Data.Should().Contain("LLM_MODEL", "gpt-4o-mini").And.ContainKey("PROMPT_VERSION");
        var key = container.Env.Single(e => e.Name == "LLM_API_KEY").ValueFrom.SecretKeyRef;
        key.Name.Should().Be("research-assistant-model");
        chart.Objects.OfType<V1Secret>().Should().BeEmpty("the chart references the model key's Secret and never stores it");
    }

    [RequiresToolFact(Helm, Hint)]
    public async Task The_network_policy_denies_by_default_and_allows_ingress_dns_and_the_model_endpoint()
    {
        var policy = (await RenderedChart.RenderAsync("values-staging.yaml")).Single<V1NetworkPolicy>();

        policy.Spec.PolicyTypes.Should().Equal("Ingress", "Egress");
        policy.Spec.Ingress.Should().ContainSingle().Which.Ports.Single().Port.Value.Should().Be("http");
        policy.Spec.Egress.Should().HaveCount(2);
        policy.Spec.Egress[0].Ports.Select(p => (p.Protocol, p.Port.Value)).Should().Equal(("UDP", "53"), ("TCP", "53"));
        policy.Spec.Egress[1].To.Single().IpBlock.Except.Should().Contain("10.0.0.0/8");
        policy.Spec.Egress[1].Ports.Single().Port.Value.Should().Be("443");
    }

    [RequiresToolFact(Helm, Hint)]
    public async Task Prod_runs_three_replicas_with_an_autoscaler_a_disruption_budget_an_ingress_and_alerts_on_real_series()
    {
        var chart = await RenderedChart.RenderAsync("values-prod.yaml", "research-prod");

        chart.Single<V2HorizontalPodAutoscaler>().Spec.MinReplicas.Should().Be(3);
        chart.Single<V1Deployment>().Spec.Replicas.Should().BeNull("the autoscaler owns the replica count");
        chart.Single<V1PodDisruptionBudget>().Spec.MinAvailable.Value.Should().Be("2");
        chart.Single<V1Ingress>().Spec.Tls.Should().ContainSingle();
        var rules = chart.CustomResources.Single(r => (string?)r["kind"] == "PrometheusRule")["spec"]!["groups"]![0]!["rules"]!.AsArray();
        rules.Select(r => (string?)r!["alert"]).Should().Equal("ResearchAssistantHighErrorRate", "ResearchAssistantHighLatency");
        var errorRate = (string)rules[0]!["expr"]!;
        errorRate.Should().Contain("status=~\"5..\"").And.Contain("[10m]").And.Contain("> 0.01");
        var latency = (string)rules[1]!["expr"]!;
        latency.Should().Contain("histogram_quantile(0.95").And.Contain("route=\"/query\"");

        // The alerts must name series the real service exposes, with the labels they filter on.
        await using (var service = await ResearchAssistantHost.StartAsync())
        {
            using var http = new HttpClient();
            await http.GetStringAsync(new Uri(service.Url, "/health"));
            var metrics = await http.GetStringAsync(new Uri(service.Url, "/metrics"));
            metrics.Should().Contain("research_assistant_requests_total{").And.Contain("status=\"200\"");
            metrics.Should().Contain("research_assistant_request_duration_seconds_bucket{").And.Contain("route=\"/health\"");
        }

        var monitor = chart.CustomResources.Single(r => (string?)r["kind"] == "ServiceMonitor");
        ((string?)monitor["spec"]!["endpoints"]![0]!["port"]).Should().Be(chart.Single<V1Service>().Spec.Ports.Single().Name);
    }

    [RequiresToolFact(Helm, Hint)]
    public async Task Dev_runs_one_replica_without_the_cluster_extras()
    {
        var chart = await RenderedChart.RenderAsync("values-dev.yaml", "research-dev");

        chart.Single<V1Deployment>().Spec.Replicas.Should().Be(1);
        chart.Objects.OfType<V2HorizontalPodAutoscaler>().Should().BeEmpty();
        chart.Objects.OfType<V1Ingress>().Should().BeEmpty();
        chart.CustomResources.Should().BeEmpty();
    }

    [RequiresToolFact(Helm, Hint)]
    public async Task The_chart_packages()
    {
        using var output = new TempDirectory("tollgate-chart");
        var result = await new Tools().Runner.RunAsync(HelmCli.Package(RenderedChart.ChartDirectory, output.Path), CancellationToken.None);

        result.StandardOutput.Should().Contain("research-assistant-0.1.0.tgz");
        File.Exists(output["research-assistant-0.1.0.tgz"]).Should().BeTrue();
    }

    private static void ValidateCustomResource(JsonObject resource)
    {
        var kind = (string)resource["kind"]!;
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Chart", kind.ToLowerInvariant() + ".schema.json"));
        var result = schema.Evaluate(resource, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            throw new InvalidOperationException($"{kind} does not match the CRD schema: {string.Join("; ", errors)}");
        }
    }
}
