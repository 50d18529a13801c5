using Tollgate.Deployment.Kubernetes;
using Tollgate.Deployment.Smoke;
using Tollgate.Deployment.Tests.Support;

namespace Tollgate.Deployment.Tests.Kubernetes;

/// <summary>
/// The platform's sequence of helm and kubectl commands, against a recording process runner (no Kubernetes API server
/// can be had here) and smoke tests against a real HTTP service on 127.0.0.1.
/// </summary>
public sealed class KubernetesPlatformTests
{
    private const string Digest = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly List<string> log = [];

    private static string History(params (int Revision, string Status, int MinutesAgo)[] revisions) =>
        "[" + string.Join(",", revisions.Select(r => $"{{\"revision\":{r.Revision},\"updated\":\"{Now.AddMinutes(-r.MinutesAgo):O}\",\"status\":\"{r.Status}\",\"description\":\"x\"}}")) + "]";

    [Fact]
    public async Task A_healthy_release_is_upgraded_waited_for_and_smoke_tested()
    {
        await using var service = await ResearchAssistantHost.StartAsync();
        var runner = new RecordingProcessRunner()
            .Answer("helm version", 0, "v4.1.4+g05fa379")
            .Answer("helm history", 0, History((1, "deployed", 60)));

        var result = await Platform(runner).DeployAsync(Request(service.Url), CancellationToken.None);

        result.Outcome.Should().Be(DeploymentOutcome.Deployed, string.Join("\n", result.Steps));
        runner.Lines.Should().Equal(
            "helm version --short",
            "helm history research-assistant-staging --namespace research-staging --output json --max 20 --kubeconfig /tmp/kc",
            $"helm upgrade --install research-assistant-staging /repo/k8s/research-assistant --namespace research-staging --create-namespace --values /repo/k8s/research-assistant/values-staging.yaml --set-string image.repository=registry.local/research-assistant --set-string image.digest={Digest} --wait=watcher --rollback-on-failure --timeout 120s --history-max 10 --kubeconfig /tmp/kc",
            "kubectl rollout status deployment --selector app.kubernetes.io/instance=research-assistant-staging --namespace research-staging --timeout 120s --kubeconfig /tmp/kc");
        result.Smoke.Results.Select(r => r.Check.Name).Should().Equal("health", "query", "metrics");
        result.Smoke.Passed.Should().BeTrue();
        result.ToMarkdown().Should().Contain("| Outcome | Deployed |").And.Contain("| query | POST /query | 200 | 1 | passed |");
    }

    [Fact]
    public async Task Failing_smoke_tests_roll_back_to_the_previous_revision()
    {
        await using var broken = await StubService.StartAsync((context, _) => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        var runner = new RecordingProcessRunner()
            .Answer("helm version", 0, "v4.1.4")
            .Answer("helm history", 0, History((3, "superseded", 90), (4, "deployed", 60)));

        var result = await Platform(runner).DeployAsync(Request(broken.Url), CancellationToken.None);

        result.Outcome.Should().Be(DeploymentOutcome.RolledBack);
        result.FailureReason.Should().Contain("GET /health: HTTP 503, expected 200");
        runner.Lines.Last().Should().Be("helm rollback research-assistant-staging 4 --namespace research-staging --wait=watcher --timeout 120s --kubeconfig /tmp/kc");
    }

    [Fact]
    public async Task A_failed_rollout_of_a_first_install_uninstalls_it_and_fails()
    {
        var runner = new RecordingProcessRunner()
            .Answer("helm version", 0, "v3.16.2")
            .Answer("helm history", 1, stderr: "Error: release: not found")
            .Answer("kubectl rollout status", 1, stderr: "error: timed out waiting for the condition");

        var result = await Platform(runner).DeployAsync(Request(new Uri("http://127.0.0.1:9/")), CancellationToken.None);

        result.Outcome.Should().Be(DeploymentOutcome.Failed);
        result.FailureReason.Should().Contain("timed out waiting for the condition");
        runner.Lines.Should().Contain(l => l.Contains("--wait --atomic", StringComparison.Ordinal));
        runner.Lines.Last().Should().StartWith("helm uninstall research-assistant-staging --namespace research-staging --ignore-not-found --wait");
    }

    [Fact]
    public async Task A_failed_upgrade_is_reported_as_rolled_back_by_helm_itself()
    {
        var runner = new RecordingProcessRunner()
            .Answer("helm version", 0, "v4.1.4")
            .Answer("helm history", 0, History((1, "deployed", 60)))
            .Answer("helm upgrade", 1, stderr: "Error: UPGRADE FAILED: context deadline exceeded");

        var result = await Platform(runner).DeployAsync(Request(new Uri("http://127.0.0.1:9/")), CancellationToken.None);

        result.Outcome.Should().Be(DeploymentOutcome.RolledBack);
        result.FailureReason.Should().Contain("context deadline exceeded");
        runner.Lines.Should().NotContain(l => l.StartsWith("kubectl", StringComparison.Ordinal));
        log.Should().Contain(l => l.Contains("helm rolled back to revision 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_release_left_pending_by_a_killed_run_is_recovered_before_the_upgrade()
    {
        await using var service = await ResearchAssistantHost.StartAsync();
        var history = 0;
        var runner = new RecordingProcessRunner().Answer("helm version", 0, "v4.1.4");
        runner.Answer("helm history", 0, "placeholder");
        var scripted = new ScriptedHistory(runner, () => ++history == 1
            ? History((1, "superseded", 120), (2, "deployed", 90), (3, "pending-upgrade", 60))
            : History((1, "superseded", 120), (2, "superseded", 90), (3, "failed", 60), (4, "deployed", 0)));

        var result = await Platform(scripted).DeployAsync(Request(service.Url), CancellationToken.None);

        result.Outcome.Should().Be(DeploymentOutcome.Deployed);
        runner.Lines.Skip(2).First().Should().Be("helm rollback research-assistant-staging 2 --namespace research-staging --wait=watcher --timeout 120s --kubeconfig /tmp/kc");
        runner.Lines.Count(l => l.StartsWith("helm history", StringComparison.Ordinal)).Should().Be(2);
        result.Steps.Should().Contain(s => s.Contains("was left pending-upgrade", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_cluster_fails_with_the_fix()
    {
        var runner = new RecordingProcessRunner()
            .Answer("helm version", 0, "v4.1.4")
            .Answer("helm history", 1, stderr: "Error: Kubernetes cluster unreachable: dial tcp 127.0.0.1:6443: connect: connection refused");

        var act = () => Platform(runner).DeployAsync(Request(new Uri("http://127.0.0.1:9/")), CancellationToken.None);

        await act.Should().ThrowAsync<DeploymentException>().WithMessage("*cluster unreachable*Check the kubeconfig*");
    }

    [Fact]
    public async Task Destroy_uninstalls_the_release()
    {
        var runner = new RecordingProcessRunner().Answer("helm version", 0, "v4.1.4");

        var lines = await Platform(runner).DestroyAsync(Environment(new Uri("http://127.0.0.1:9/")), CancellationToken.None);

        runner.Lines.Last().Should().Be("helm uninstall research-assistant-staging --namespace research-staging --ignore-not-found --wait=watcher --timeout 300s --kubeconfig /tmp/kc");
        lines.Should().ContainSingle().Which.Should().Contain("helm uninstall");
    }

    private static DeploymentEnvironment Environment(Uri url) =>
        new("staging", "research-staging", url, "k8s/research-assistant/values-staging.yaml", PlatformKind.Kubernetes);

    private static DeploymentRequest Request(Uri url) =>
        new(Environment(url), ImageReference.Parse("registry.local/research-assistant@" + Digest), TimeSpan.FromMinutes(2))
        {
            SmokeChecks = ResearchAssistantSmokeChecks.Create(),
        };

    private KubernetesPlatform Platform(IProcessRunner runner) =>
        new(new KubernetesOptions("/repo", "/repo/k8s/research-assistant") { Connection = new KubernetesConnection("/tmp/kc"), Smoke = new SmokeOptions(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5)) },
            runner, new SmokeTestRunner(new HttpClient()), TimeProvider.System, log.Add);

    /// <summary>Answers helm history from a sequence (the history changes after a recovery).</summary>
    private sealed class ScriptedHistory(RecordingProcessRunner inner, Func<string> next) : IProcessRunner
    {
        public async Task<ProcessResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
        {
            var result = await inner.RunAsync(command, cancellationToken);
            return command.Arguments[0] == "history" ? result with { StandardOutput = next() } : result;
        }

        public IRunningProcess Start(CommandSpec command) => inner.Start(command);
    }
}
