using Tollgate.Deployment.Kubernetes;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.Kubernetes;

public sealed class KubeconfigFileTests
{
    [Fact]
    public void Kubeconfig_content_from_a_secret_is_written_for_the_owner_only_and_deleted_after()
    {
        using var temp = new TempDirectory("tollgate-kubeconfig");
        string path;
        using (var file = KubeconfigFile.From("apiVersion: v1\nkind: Config\nclusters: []\n", temp.Path)!)
        {
            path = file.Path;
            File.ReadAllText(path).Should().StartWith("apiVersion: v1");
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void A_path_is_used_as_it_is_and_kept_and_no_value_means_the_default_context()
    {
        using var temp = new TempDirectory("tollgate-kubeconfig");
        var existing = temp.Write("config", "apiVersion: v1\n");

        using (var file = KubeconfigFile.From(existing, temp.Path)!)
        {
            file.Path.Should().Be(existing);
        }

        File.Exists(existing).Should().BeTrue();
        KubeconfigFile.From(null, temp.Path).Should().BeNull();
        KubeconfigFile.From("  ", temp.Path).Should().BeNull();
    }

    [Fact]
    public void A_value_that_is_neither_a_file_nor_kubeconfig_is_refused_without_quoting_it()
    {
        using var temp = new TempDirectory("tollgate-kubeconfig");

        FluentActions.Invoking(() => KubeconfigFile.From("s3cr3t-token", temp.Path)).Should().Throw<DeploymentException>()
            .Which.Message.Should().NotContain("s3cr3t-token").And.Contain("neither an existing file nor kubeconfig YAML");
    }
}
