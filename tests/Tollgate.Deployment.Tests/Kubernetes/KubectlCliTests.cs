using Tollgate.Deployment.Kubernetes;

namespace Tollgate.Deployment.Tests.Kubernetes;

public sealed class KubectlCliTests
{
    [Fact]
    public void Rollout_status_waits_for_every_deployment_of_the_release_with_the_kubeconfig_and_context()
    {
        var command = new KubectlCli(new KubernetesConnection("/tmp/kc", "ctx")).RolloutStatus("research-assistant-staging", "research-staging", TimeSpan.FromMinutes(5));

        command.FileName.Should().Be("kubectl");
        command.Arguments.Should().Equal("rollout", "status", "deployment", "--selector", "app.kubernetes.io/instance=research-assistant-staging",
            "--namespace", "research-staging", "--timeout", "300s", "--kubeconfig", "/tmp/kc", "--context", "ctx");
        command.ValidateExitCode.Should().BeFalse();
    }

    [Fact]
    public void Rollout_status_on_the_default_context_has_no_cluster_flags() =>
        new KubectlCli(KubernetesConnection.Default, "/usr/local/bin/kubectl").RolloutStatus("r", "ns", TimeSpan.FromSeconds(30)).Arguments
            .Should().Equal("rollout", "status", "deployment", "--selector", "app.kubernetes.io/instance=r", "--namespace", "ns", "--timeout", "30s");
}
