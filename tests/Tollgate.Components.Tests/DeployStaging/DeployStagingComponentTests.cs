using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// IDeployStaging through the real engine: parameters, environment selection, the summary and artifacts, and failures,
/// on the Kubernetes platform with helm and kubectl faked on PATH and the real ResearchAssistant answering the smoke tests.
/// </summary>
public sealed class DeployStagingComponentTests(ResearchAssistantProcess service) : IClassFixture<ResearchAssistantProcess>, IDisposable
{
    private const string Digest = "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private const string Image = "127.0.0.1:5000/research-assistant@" + Digest;
    private const string Deployed = """[{"revision":3,"updated":"2026-11-30T10:00:00Z","status":"deployed","chart":"research-assistant-0.1.0","app_version":"1.0.0","description":"Upgrade complete"}]""";
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_deploy_runs_helm_and_kubectl_for_the_named_environment_smoke_tests_it_and_ends_the_summary_with_its_url()
    {
        var tools = new FakeKubernetesTools(_root.Path);

        var (exitCode, output, summary) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "qa", "--deploy-image", Image, "--deploy-timeout", "20s");

        exitCode.Should().Be(0, output);
        tools.Calls.Should().Contain("helm version --short")
            .And.Contain("helm history research-assistant-qa --namespace research-qa --output json --max 20")
            .And.Contain(c => c.StartsWith("helm upgrade --install research-assistant-qa ", StringComparison.Ordinal)
                && c.Contains("--namespace research-qa", StringComparison.Ordinal)
                && c.Contains($"--values {Path.Combine(_root.Path, "k8s", "research-assistant", "values-staging.yaml")}", StringComparison.Ordinal)
                && c.Contains($"--set-string image.digest={Digest}", StringComparison.Ordinal)
                && c.Contains("--timeout 20s", StringComparison.Ordinal))
            .And.Contain(c => c.StartsWith("kubectl rollout status", StringComparison.Ordinal) && c.Contains("app.kubernetes.io/instance=research-assistant-qa", StringComparison.Ordinal));
        tools.Calls.Should().NotContain(c => c.StartsWith("helm rollback", StringComparison.Ordinal) || c.StartsWith("helm uninstall", StringComparison.Ordinal));
        summary.Should().Contain("| Outcome | Deployed |").And.EndWith($"ResearchAssistant (qa) answers at {service.Url}\n");
        output.Should().Contain($"ResearchAssistant (qa) answers at {service.Url}")
            .And.MatchRegex($@"DeployStaging [^\n]*Succeeded[^\n]* {Regex.Escape(service.Url.ToString())} \(qa\)", "the table's Note column shows where the service answers");
        output.TrimEnd().Should().EndWith("Build succeeded");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root.Path, "artifacts", "deploy", "qa.json")));
        report.RootElement.GetProperty("outcome").GetString().Should().Be("Deployed");
        report.RootElement.GetProperty("image").GetString().Should().Be(Image);
        report.RootElement.GetProperty("smoke").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("passed").GetBoolean()))
            .Should().Equal(("health", true), ("query", true), ("metrics", true));
    }

    [Fact]
    public async Task Without_deploy_image_the_image_the_Build_stage_wrote_is_deployed_by_digest()
    {
        var tools = new FakeKubernetesTools(_root.Path);
        var manifest = new { reference = "127.0.0.1:5000/research-assistant:main", manifest = new { repository = "127.0.0.1:5000/research-assistant", tags = new[] { "main" }, digest = Digest, imageId = "sha256:" + new string('a', 64) } };
        _root.Write("artifacts/image/image.json", JsonSerializer.Serialize(manifest));

        var (exitCode, output, _) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "qa");

        exitCode.Should().Be(0, output);
        tools.Calls.Should().Contain(c => c.StartsWith("helm upgrade --install", StringComparison.Ordinal)
            && c.Contains("--set-string image.repository=127.0.0.1:5000/research-assistant", StringComparison.Ordinal)
            && c.Contains($"--set-string image.digest={Digest}", StringComparison.Ordinal)
            && c.Contains("--timeout 300s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_image_or_the_Build_manifest_the_target_fails_saying_how_to_get_one()
    {
        var tools = new FakeKubernetesTools(_root.Path);

        var (exitCode, output, _) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "qa");

        exitCode.Should().Be(1);
        output.Should().Contain("does not exist: run the Build target first (./build.sh Build), or pass --deploy-image repository@sha256:<digest>.");
        tools.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_environment_fails_naming_the_declared_ones_and_the_closest()
    {
        var tools = new FakeKubernetesTools(_root.Path);

        var (exitCode, output, _) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "qaa", "--deploy-image", Image);

        exitCode.Should().Be(1);
        output.Should().Contain("No environment is named 'qaa'; the build declares: qa, prod, staging, dev. Did you mean 'qa'? Pass one with --environment <name>.");
        output.Should().NotContain("   at Tollgate.", "bad input is reported without a stack trace");
        tools.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Failing_smoke_tests_roll_back_to_the_previous_revision_and_fail_the_target_saying_the_previous_release_serves()
    {
        var tools = new FakeKubernetesTools(_root.Path, history: Deployed);
        var dead = new Uri($"http://127.0.0.1:{ResearchAssistantProcess.FreePort()}/");

        var (exitCode, output, summary) = await new DeployStagingBuild(dead).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "qa", "--deploy-image", Image, "--deploy-timeout", "2s");

        exitCode.Should().Be(1);
        tools.Calls.Should().Contain(c => c.StartsWith("helm rollback research-assistant-qa 3 --namespace research-qa", StringComparison.Ordinal));
        output.Should().Contain("DeployStaging to qa RolledBack: smoke tests failed").And.Contain($"(the previous release keeps serving at {dead})");
        summary.Should().Contain("| Outcome | RolledBack |").And.NotContain("answers at");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root.Path, "artifacts", "deploy", "qa.json")));
        report.RootElement.GetProperty("outcome").GetString().Should().Be("RolledBack");
        report.RootElement.GetProperty("reason").GetString().Should().StartWith("smoke tests failed");
    }

    [Fact]
    public async Task A_local_environment_deployed_to_Kubernetes_is_smoke_tested_at_the_url_declared_for_the_cluster_with_a_warning_for_a_loopback_registry()
    {
        var tools = new FakeKubernetesTools(_root.Path);

        var (exitCode, output, _) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "staging", "--deploy-platform", "Kubernetes", "--deploy-image", Image);

        exitCode.Should().Be(0, output);
        output.Should().Contain($"Deploying {Image} to staging (Kubernetes) at {service.Url}")
            .And.Contain($"ResearchAssistant (staging) answers at {service.Url}")
            .And.Contain($"{Image} is in a registry on 127.0.0.1 of the machine that built it")
            .And.Contain("./build.sh Build --registry <host[/owner]>");
        tools.Calls.Should().Contain(c => c.StartsWith("helm upgrade --install research-assistant-staging ", StringComparison.Ordinal) && c.Contains("--namespace research-staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_environment_without_a_url_on_the_chosen_platform_fails_before_any_command_naming_the_declaration_to_add()
    {
        var tools = new FakeKubernetesTools(_root.Path);
        var registryImage = "registry.example.com/team/research-assistant@" + Digest;

        var (exitCode, output, _) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "dev", "--deploy-platform", "Kubernetes", "--deploy-image", registryImage);

        exitCode.Should().Be(1);
        output.Should().Contain("Environment 'dev' is declared on Local at http://127.0.0.1:9/, and no URL is declared for Kubernetes")
            .And.Contain(".WithUrlOn(PlatformKind.Kubernetes, new Uri(\"https://dev.example.com/\"))")
            .And.NotContain("   at ", "no stack trace");
        tools.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failed_first_install_is_uninstalled_and_the_failure_says_nothing_serves()
    {
        var tools = new FakeKubernetesTools(_root.Path, upgradeExit: 1);

        var (exitCode, output, _) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "qa", "--deploy-image", Image);

        exitCode.Should().Be(1);
        output.Should().Contain("DeployStaging to qa Failed: helm upgrade --install failed (exit 1)").And.Contain($"(nothing serves the environment at {service.Url})");
        tools.Calls.Should().NotContain(c => c.StartsWith("kubectl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_cluster_fails_the_target_with_the_kubeconfig_hint()
    {
        var tools = new FakeKubernetesTools(_root.Path, historyError: "Error: Kubernetes cluster unreachable: connection refused");

        var (exitCode, output, _) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "qa", "--deploy-image", Image);

        exitCode.Should().Be(1);
        output.Should().Contain("helm history research-assistant-qa --namespace research-qa failed (exit 1): Error: Kubernetes cluster unreachable: connection refused. Check the kubeconfig");
        tools.Calls.Should().NotContain(c => c.StartsWith("helm upgrade", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_kubeconfig_secret_reaches_helm_and_kubectl_as_a_private_file_that_is_deleted_and_never_printed()
    {
        var tools = new FakeKubernetesTools(_root.Path);
        const string Kubeconfig = "apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: kube-token-5f0c9e2d7a\n";

        var (exitCode, output, summary) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DeployStaging", "--skip", "--environment", "qa", "--deploy-image", Image, "--kubeconfig", Kubeconfig, "--kube-context", "ci-cluster");

        exitCode.Should().Be(0, output);
        var upgrade = tools.Calls.Single(c => c.StartsWith("helm upgrade", StringComparison.Ordinal));
        upgrade.Should().Contain("--kube-context ci-cluster").And.MatchRegex("--kubeconfig [^ ]+kubeconfig-[0-9a-f]{32}\\.yaml");
        tools.Calls.Single(c => c.StartsWith("kubectl", StringComparison.Ordinal)).Should().Contain("--kubeconfig").And.Contain("--context ci-cluster");
        var file = System.Text.RegularExpressions.Regex.Match(upgrade, "--kubeconfig ([^ ]+)").Groups[1].Value;
        File.Exists(file).Should().BeFalse("the kubeconfig written from the secret is deleted after the deploy");
        output.Should().Contain("::add-mask::    token: kube-token-5f0c9e2d7a", "the host tells GitHub to mask each line of the secret");
        (output + summary).Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal))
            .Should().NotContain(l => l.Contains("kube-token-5f0c9e2d7a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_platform_parameter_overrides_the_environment_and_DestroyEnvironment_uninstalls_only_the_named_release()
    {
        var tools = new FakeKubernetesTools(_root.Path);

        var (exitCode, output, _) = await new DeployStagingBuild(service.Url).RunAsync(_root.Path, tools.Bin, "DestroyEnvironment", "--environment", "prod", "--deploy-platform", "Kubernetes");

        exitCode.Should().Be(0, output);
        tools.Calls.Should().Equal("helm version --short", "helm uninstall research-assistant-prod --namespace research-prod --ignore-not-found --wait=watcher --timeout 300s");
        output.Should().Contain("helm uninstall research-assistant-prod in research-prod (the namespace is kept)");
    }
}
