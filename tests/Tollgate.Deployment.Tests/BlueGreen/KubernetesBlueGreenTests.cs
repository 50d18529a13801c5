using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.BlueGreen;
using Tollgate.Deployment.Kubernetes;
using Tollgate.Deployment.Notifications;
using Tollgate.Deployment.Records;
using Tollgate.Deployment.Smoke;
using Tollgate.Deployment.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.BlueGreen;

public class KubernetesBlueGreenTests
{
    private const string Ns = "research-prod";
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private static readonly ImageReference Image = new("127.0.0.1:5000/research-assistant", Digest);

    private static readonly KubernetesBlueGreenOptions Options = new(
        new KubernetesOptions("/repo", "/repo/k8s/research-assistant") { Connection = new KubernetesConnection("/tmp/kubeconfig", "prod-cluster") },
        new DeploymentEnvironment("prod", Ns, new Uri("http://prod.example.test/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Kubernetes),
        new Uri("http://preview.example.test/"));

    private const string Conn = " --kubeconfig /tmp/kubeconfig --context prod-cluster";
    private const string HelmConn = " --kubeconfig /tmp/kubeconfig --kube-context prod-cluster";

    private static string Service(string colour) => """{"kind":"Service","spec":{"selector":{"app.kubernetes.io/name":"research-assistant","color":"COLOUR"}}}""".Replace("COLOUR", colour, StringComparison.Ordinal);

    private static string Deployments(params (string Colour, int Replicas)[] colours) =>
        "{\"items\":[" + string.Join(',', colours.Select(c => """{"metadata":{"labels":{"color":"COLOUR"}},"spec":{"replicas":REPLICAS,"template":{"spec":{"containers":[{"image":"repo@sha256:COLOUR"}]}}}}""".Replace("COLOUR", c.Colour, StringComparison.Ordinal).Replace("REPLICAS", c.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))) + "]}";

    private static RecordingProcessRunner Cluster(string? active, string? preview, params (string, int)[] colours)
    {
        var runner = new RecordingProcessRunner();
        runner.Answer("kubectl get service research-assistant-prod-preview", preview is null ? 1 : 0, preview is null ? string.Empty : Service(preview), preview is null ? "Error from server (NotFound): services \"research-assistant-prod-preview\" not found" : string.Empty);
        runner.Answer("kubectl get service research-assistant-prod ", active is null ? 1 : 0, active is null ? string.Empty : Service(active), active is null ? "Error from server (NotFound): services \"research-assistant-prod\" not found" : string.Empty);
        runner.Answer("kubectl get deployment", 0, Deployments(colours));
        runner.Answer("helm version", 0, "v4.1.4+g05fa379");
        return runner;
    }

    private static BlueGreenDeployer Deployer(IProcessRunner runner, FakeClock clock, DeploymentHistory? history = null) =>
        new(new KubernetesBlueGreenPlatform(Options, runner), new SmokeTestRunner(new HttpClient()), clock, NullDeploymentNotifier.Instance, history, _ => { });

    private static Func<Uri, AnalysisTemplate> Analysis(string name, params object?[] errorRates) =>
        _ => new AnalysisTemplate(name, [new AnalysisMetric("error-rate", new ScriptedProvider(errorRates)) { Count = errorRates.Length, Interval = TimeSpan.FromSeconds(10), SuccessCondition = MetricCondition.AtMost(0.01) }]);

    [Fact]
    public async Task A_release_deploys_the_idle_colour_by_digest_previews_switches_the_selector_and_scales_the_old_colour_down()
    {
        var runner = Cluster("blue", "blue", ("blue", 3));
        var clock = new FakeClock();
        var result = await Deployer(runner, clock).RunAsync(new BlueGreenRequest("prod", Image) { PrePromotion = Analysis("pre", 0.0), PostPromotion = Analysis("post", 0.0, 0.0) }, CancellationToken.None);

        result.Outcome.Should().Be(RecordedOutcome.Succeeded);
        result.Colour.Should().Be(Colour.Green);
        runner.Lines.Should().Equal(
            "kubectl get service research-assistant-prod --namespace research-prod --output json" + Conn,
            "kubectl get service research-assistant-prod-preview --namespace research-prod --output json" + Conn,
            "kubectl get deployment --selector app.kubernetes.io/instance in (research-assistant-prod-blue,research-assistant-prod-green) --namespace research-prod --output json" + Conn,
            "helm version --short",
            "helm upgrade --install research-assistant-prod-green /repo/k8s/research-assistant --namespace research-prod --create-namespace --values /repo/k8s/research-assistant/values-prod.yaml"
                + $" --set-string image.repository=127.0.0.1:5000/research-assistant --set-string image.digest={Digest} --wait=watcher --rollback-on-failure --timeout 300s --history-max 10" + HelmConn + " --set-string color=green",
            "kubectl rollout status deployment --selector app.kubernetes.io/instance=research-assistant-prod-green --namespace research-prod --timeout 300s" + Conn,
            "kubectl patch service research-assistant-prod-preview --namespace research-prod --type merge --patch {\"spec\":{\"selector\":{\"app.kubernetes.io/name\":\"research-assistant\",\"app.kubernetes.io/instance\":\"research-assistant-prod-green\",\"color\":\"green\"}}}" + Conn,
            "kubectl patch service research-assistant-prod --namespace research-prod --type merge --patch {\"spec\":{\"selector\":{\"app.kubernetes.io/name\":\"research-assistant\",\"app.kubernetes.io/instance\":\"research-assistant-prod-green\",\"color\":\"green\"}}}" + Conn,
            "kubectl scale deployment --selector app.kubernetes.io/instance=research-assistant-prod-blue --replicas 0 --namespace research-prod" + Conn);
        clock.Delays.Should().EndWith(TimeSpan.FromSeconds(30), "the old colour stays warm for the scale-down delay");
    }

    [Fact]
    public async Task The_first_release_goes_to_blue_and_creates_the_services_with_kubectl_apply()
    {
        var runner = Cluster(null, null);
        runner.Answer("kubectl patch", 1, stderr: "Error from server (NotFound): services \"x\" not found");
        var result = await Deployer(runner, new FakeClock()).RunAsync(new BlueGreenRequest("prod", Image), CancellationToken.None);

        result.Outcome.Should().Be(RecordedOutcome.Succeeded);
        result.Colour.Should().Be(Colour.Blue);
        var applies = runner.Commands.Where(c => c.Arguments.Take(1).SequenceEqual(["apply"])).ToList();
        applies.Select(c => string.Join(' ', c.Arguments)).Should().AllBe("apply --namespace research-prod --filename -" + Conn);
        applies.Select(c => c.StandardInput).Should().Equal(
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"research-assistant-prod-preview","namespace":"research-prod","labels":{"app.kubernetes.io/name":"research-assistant","app.kubernetes.io/part-of":"tollgate","app.kubernetes.io/managed-by":"tollgate"}},"spec":{"type":"ClusterIP","ports":[{"name":"http","port":80,"targetPort":"http","protocol":"TCP"}],"selector":{"app.kubernetes.io/name":"research-assistant","app.kubernetes.io/instance":"research-assistant-prod-blue","color":"blue"}}}""",
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"research-assistant-prod","namespace":"research-prod","labels":{"app.kubernetes.io/name":"research-assistant","app.kubernetes.io/part-of":"tollgate","app.kubernetes.io/managed-by":"tollgate"}},"spec":{"type":"ClusterIP","ports":[{"name":"http","port":80,"targetPort":"http","protocol":"TCP"}],"selector":{"app.kubernetes.io/name":"research-assistant","app.kubernetes.io/instance":"research-assistant-prod-blue","color":"blue"}}}""");
        runner.Lines.Should().NotContain(l => l.StartsWith("kubectl scale", StringComparison.Ordinal), "there is no previous colour to scale down");
    }

    [Fact]
    public async Task A_failed_post_promotion_analysis_switches_back_at_once_and_removes_the_new_colour()
    {
        using var dir = new TempDirectory();
        var history = new DeploymentHistory(dir["history.jsonl"]);
        var runner = Cluster("green", "green", ("green", 3), ("blue", 0));
        var clock = new FakeClock();
        var result = await Deployer(runner, clock, history).RunAsync(new BlueGreenRequest("prod", Image) { PostPromotion = Analysis("post", 0.0, 0.2, 0.0) }, CancellationToken.None);

        result.Outcome.Should().Be(RecordedOutcome.RolledBack);
        result.Reason.Should().StartWith("post-promotion analysis failed: error-rate failed: 1 failed measurement(s), limit 0");
        result.RollbackLatency.Should().Be(TimeSpan.Zero, "the switch back follows the failing measurement without waiting");
        runner.Lines.SkipWhile(l => !l.StartsWith("kubectl patch service research-assistant-prod --", StringComparison.Ordinal)).Should().Equal(
            "kubectl patch service research-assistant-prod --namespace research-prod --type merge --patch {\"spec\":{\"selector\":{\"app.kubernetes.io/name\":\"research-assistant\",\"app.kubernetes.io/instance\":\"research-assistant-prod-blue\",\"color\":\"blue\"}}}" + Conn,
            "kubectl patch service research-assistant-prod --namespace research-prod --type merge --patch {\"spec\":{\"selector\":{\"app.kubernetes.io/name\":\"research-assistant\",\"app.kubernetes.io/instance\":\"research-assistant-prod-green\",\"color\":\"green\"}}}" + Conn,
            "helm uninstall research-assistant-prod-blue --namespace research-prod --ignore-not-found --wait=watcher --timeout 300s" + HelmConn,
            "kubectl patch service research-assistant-prod-preview --namespace research-prod --type merge --patch {\"spec\":{\"selector\":{\"app.kubernetes.io/name\":\"research-assistant\",\"app.kubernetes.io/instance\":\"research-assistant-prod-green\",\"color\":\"green\"}}}" + Conn);
        var record = history.ReadAll().Single();
        record.Should().BeEquivalentTo(new { Environment = "prod", Colour = "blue", Outcome = RecordedOutcome.RolledBack, PromotedAt = (DateTimeOffset?)new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero) });
        record.ImageDigest.Should().Be($"127.0.0.1:5000/research-assistant@{Digest}");
    }

    [Fact]
    public async Task A_failed_pre_promotion_analysis_never_switches_production_and_removes_the_candidate()
    {
        var runner = Cluster("blue", "blue", ("blue", 3));
        var result = await Deployer(runner, new FakeClock()).RunAsync(new BlueGreenRequest("prod", Image) { PrePromotion = Analysis("pre", 0.5) }, CancellationToken.None);

        result.Outcome.Should().Be(RecordedOutcome.Failed);
        runner.Lines.Should().NotContain(l => l.StartsWith("kubectl patch service research-assistant-prod --", StringComparison.Ordinal));
        runner.Lines.Last().Should().Be("helm uninstall research-assistant-prod-green --namespace research-prod --ignore-not-found --wait=watcher --timeout 300s" + HelmConn);
    }

    [Fact]
    public async Task An_inconclusive_pre_promotion_analysis_keeps_the_candidate_in_the_preview_for_a_decision()
    {
        var runner = Cluster("blue", "blue", ("blue", 3));
        var result = await Deployer(runner, new FakeClock()).RunAsync(new BlueGreenRequest("prod", Image) { PrePromotion = Analysis("pre", [null]) }, CancellationToken.None);

        result.Outcome.Should().Be(RecordedOutcome.Aborted);
        result.Steps.Should().Contain("green stays in the preview for a decision: ./build.sh Promote switches to it, ./build.sh Abort removes it");
        runner.Lines.Should().NotContain(l => l.StartsWith("helm uninstall", StringComparison.Ordinal) || l.StartsWith("kubectl patch service research-assistant-prod --", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_rollout_removes_the_candidate_and_production_stays()
    {
        var runner = Cluster("blue", "blue", ("blue", 3));
        runner.Answer("kubectl rollout status", 1, stderr: "error: timed out waiting for the condition");
        var result = await Deployer(runner, new FakeClock()).RunAsync(new BlueGreenRequest("prod", Image), CancellationToken.None);

        result.Outcome.Should().Be(RecordedOutcome.Failed);
        result.Reason.Should().Be("kubectl rollout status of research-assistant-prod-green failed (exit 1): error: timed out waiting for the condition");
        result.Steps.Last().Should().Be("green removed; production stays on blue");
    }

    [Fact]
    public async Task A_service_selecting_another_colour_label_is_reported_with_the_fix()
    {
        var runner = Cluster("purple", "blue");
        var act = () => new KubernetesBlueGreenPlatform(Options, runner).ReadStateAsync(CancellationToken.None);
        await act.Should().ThrowAsync<DeploymentException>().WithMessage("The Service research-assistant-prod in research-prod selects color 'purple', not blue or green*Delete it or choose another release name.");
    }

    [Fact]
    public async Task An_unreachable_cluster_is_reported_naming_the_kubeconfig()
    {
        var runner = new RecordingProcessRunner().Answer("kubectl get service", 1, stderr: "Unable to connect to the server: dial tcp 10.0.0.1:6443: i/o timeout");
        var act = () => new KubernetesBlueGreenPlatform(Options, runner).ReadStateAsync(CancellationToken.None);
        await act.Should().ThrowAsync<DeploymentException>().WithMessage("kubectl get service research-assistant-prod --namespace research-prod failed (exit 1): Unable to connect*Check the kubeconfig*");
    }
}
