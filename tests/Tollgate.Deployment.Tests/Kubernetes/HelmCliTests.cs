using Tollgate.Deployment.Kubernetes;

namespace Tollgate.Deployment.Tests.Kubernetes;

public sealed class HelmCliTests
{
    private static readonly ImageReference Image = ImageReference.Parse("127.0.0.1:5000/research-assistant:1.2.3@sha256:" + new string('a', 64));
    private static readonly KubernetesConnection Cluster = new("/tmp/kc", "staging-ctx");

    [Fact]
    public void Helm_4_upgrades_with_the_values_the_image_by_digest_a_watcher_wait_and_rollback_on_failure()
    {
        var command = new HelmCli(4, Cluster).UpgradeInstall("research-assistant-staging", "/repo/k8s/research-assistant", "research-staging", "/repo/k8s/research-assistant/values-staging.yaml", Image, TimeSpan.FromMinutes(5));

        command.FileName.Should().Be("helm");
        command.Arguments.Should().Equal(
            "upgrade", "--install", "research-assistant-staging", "/repo/k8s/research-assistant",
            "--namespace", "research-staging", "--create-namespace",
            "--values", "/repo/k8s/research-assistant/values-staging.yaml",
            "--set-string", "image.repository=127.0.0.1:5000/research-assistant",
            "--set-string", "image.digest=sha256:" + new string('a', 64),
            "--set-string", "image.tag=1.2.3",
            "--wait=watcher", "--rollback-on-failure", "--timeout", "300s", "--history-max", "10",
            "--kubeconfig", "/tmp/kc", "--kube-context", "staging-ctx");
        command.ValidateExitCode.Should().BeFalse("a failed upgrade is reported as a rolled-back deployment, not an exception");
    }

    [Fact]
    public void Helm_3_upgrades_with_atomic_and_a_plain_wait_and_the_default_context()
    {
        var command = new HelmCli(3, KubernetesConnection.Default).UpgradeInstall("r", "chart", "ns", "values.yaml", Image with { Tag = null }, TimeSpan.FromSeconds(90.5), ["extra.yaml"]);

        command.Arguments.Should().Equal(
            "upgrade", "--install", "r", "chart", "--namespace", "ns", "--create-namespace", "--values", "values.yaml", "--values", "extra.yaml",
            "--set-string", "image.repository=127.0.0.1:5000/research-assistant",
            "--set-string", "image.digest=sha256:" + new string('a', 64),
            "--wait", "--atomic", "--timeout", "91s", "--history-max", "10");
    }

    [Fact]
    public void History_rollback_and_uninstall_name_the_release_namespace_and_cluster()
    {
        var helm4 = new HelmCli(4, Cluster);
        helm4.History("r", "ns").Arguments.Should().Equal("history", "r", "--namespace", "ns", "--output", "json", "--max", "20", "--kubeconfig", "/tmp/kc", "--kube-context", "staging-ctx");
        helm4.History("r", "ns").CaptureOutput.Should().BeTrue();
        helm4.Rollback("r", 7, "ns", TimeSpan.FromMinutes(2)).Arguments.Should().Equal("rollback", "r", "7", "--namespace", "ns", "--wait=watcher", "--timeout", "120s", "--kubeconfig", "/tmp/kc", "--kube-context", "staging-ctx");
        helm4.Uninstall("r", "ns", TimeSpan.FromMinutes(5)).Arguments.Should().Equal("uninstall", "r", "--namespace", "ns", "--ignore-not-found", "--wait=watcher", "--timeout", "300s", "--kubeconfig", "/tmp/kc", "--kube-context", "staging-ctx");

        var helm3 = new HelmCli(3, KubernetesConnection.Default, "/opt/helm3/helm");
        helm3.Rollback("r", 2, "ns", TimeSpan.FromMinutes(1)).Arguments.Should().Equal("rollback", "r", "2", "--namespace", "ns", "--wait", "--timeout", "60s");
        helm3.Uninstall("r", "ns", TimeSpan.FromMinutes(1)).Arguments.Should().Equal("uninstall", "r", "--namespace", "ns", "--ignore-not-found", "--wait", "--timeout", "60s");
        helm3.Rollback("r", 2, "ns", TimeSpan.FromMinutes(1)).FileName.Should().Be("/opt/helm3/helm");
    }

    [Fact]
    public void Offline_commands_lint_strictly_render_for_a_kube_version_and_package()
    {
        HelmCli.Version().Arguments.Should().Equal("version", "--short");
        HelmCli.Lint("chart", "values-prod.yaml").Arguments.Should().Equal("lint", "--strict", "chart", "--values", "values-prod.yaml");
        HelmCli.Template("r", "chart", "ns", "values-dev.yaml").Arguments.Should().Equal(
            "template", "r", "chart", "--namespace", "ns", "--values", "values-dev.yaml", "--kube-version", "1.33.0", "--api-versions", "monitoring.coreos.com/v1");
        HelmCli.Package("chart", "out").Arguments.Should().Equal("package", "chart", "--destination", "out");
    }

    [Theory]
    [InlineData("v4.1.4+g05fa379", 4)]
    [InlineData("v3.16.2+g13654a5\n", 3)]
    public void The_major_version_comes_from_helm_version_short(string output, int major) =>
        HelmCli.ParseMajorVersion(output).Should().Be(major);

    [Theory]
    [InlineData("Client: &version.Version{SemVer:\"v2.17.0\"}")]
    [InlineData("v2.17.0")]
    [InlineData("")]
    public void Helm_2_or_other_output_is_refused_with_the_fix(string output) =>
        FluentActions.Invoking(() => HelmCli.ParseMajorVersion(output)).Should().Throw<DeploymentException>().WithMessage("*helm*");
}
