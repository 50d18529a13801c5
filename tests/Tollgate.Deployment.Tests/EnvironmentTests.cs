namespace Tollgate.Deployment.Tests;

public sealed class EnvironmentTests
{
    private static DeploymentEnvironment Staging => new("staging", "research-staging", new Uri("http://127.0.0.1:8480"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local);

    [Fact]
    public void An_environment_is_found_by_name_and_a_typo_names_the_closest()
    {
        var environments = new DeploymentEnvironments([Staging, Staging with { Name = "dev", Url = new Uri("http://127.0.0.1:8470") }]);

        environments.Find("staging").Release.Should().Be("research-assistant-staging");
        FluentActions.Invoking(() => environments.Find("stagign")).Should().Throw<DeploymentException>()
            .WithMessage("No environment is named 'stagign'; the build declares: staging, dev. Did you mean 'staging'?*--environment*");
    }

    [Fact]
    public void Duplicate_names_bad_names_and_a_public_local_url_are_rejected_naming_the_field()
    {
        FluentActions.Invoking(() => new DeploymentEnvironments([Staging, Staging])).Should().Throw<DeploymentException>().WithMessage("*'staging' is declared 2 times*");
        FluentActions.Invoking(() => (Staging with { Name = "Staging_1" }).Validate()).Should().Throw<DeploymentException>().WithMessage("*Name 'Staging_1' is not a DNS label*");
        FluentActions.Invoking(() => (Staging with { Url = new Uri("http://0.0.0.0:8480") }).Validate()).Should().Throw<DeploymentException>().WithMessage("*must be http on 127.0.0.1*");
        FluentActions.Invoking(() => (Staging with { Url = new Uri("ftp://x") }).Validate()).Should().Throw<DeploymentException>().WithMessage("*absolute http or https URL*");
        (Staging with { Platform = PlatformKind.Kubernetes, Url = new Uri("https://research.example.com") }).Validate();
    }

    [Fact]
    public void An_environment_declared_on_one_platform_is_deployed_to_another_at_the_url_declared_for_it()
    {
        var staging = Staging.WithUrlOn(PlatformKind.Kubernetes, new Uri("https://research.staging.example.com/"));

        staging.On(PlatformKind.Local).Should().BeSameAs(staging);
        var onCluster = staging.On(PlatformKind.Kubernetes);
        onCluster.Platform.Should().Be(PlatformKind.Kubernetes);
        onCluster.Url.Should().Be(new Uri("https://research.staging.example.com/"));
        onCluster.On(PlatformKind.Local).Url.Should().Be(new Uri("http://127.0.0.1:8480"), "the way back keeps the local URL");
        (onCluster.Name, onCluster.Namespace, onCluster.ValuesFile).Should().Be((staging.Name, staging.Namespace, staging.ValuesFile));
        staging.Validate();

        FluentActions.Invoking(() => Staging.On(PlatformKind.Kubernetes)).Should().Throw<DeploymentException>()
            .WithMessage("Environment 'staging' is declared on Local at http://127.0.0.1:8480/, and no URL is declared for Kubernetes*.WithUrlOn(PlatformKind.Kubernetes, new Uri(\"https://staging.example.com/\"))*");
        FluentActions.Invoking(() => Staging.WithUrlOn(PlatformKind.Kubernetes, new Uri("ftp://x")).Validate()).Should().Throw<DeploymentException>()
            .WithMessage("*Url on Kubernetes 'ftp://x/' must be an absolute http or https URL*");
        FluentActions.Invoking(() => (Staging with { Platform = PlatformKind.Kubernetes, Url = new Uri("https://a.example") }).WithUrlOn(PlatformKind.Local, new Uri("http://10.0.0.1:8480")).Validate())
            .Should().Throw<DeploymentException>().WithMessage("*a local environment's Url on Local must be http on 127.0.0.1*");
    }

    [Fact]
    public void Secrets_and_a_release_name_are_declared_with_the_environment()
    {
        var environment = Staging.WithSecret(new EnvironmentSecret("LLM_API_KEY", "LlmApiKey", "research-assistant-model")).WithRelease("ra-staging");

        environment.Secrets.Should().ContainSingle().Which.Variable.Should().Be("LLM_API_KEY");
        environment.Release.Should().Be("ra-staging");
    }

    [Fact]
    public void Images_are_pinned_by_digest()
    {
        var digest = "sha256:" + new string('c', 64);
        var image = ImageReference.Parse($"127.0.0.1:5000/team/research-assistant:0.1.0@{digest}");

        image.Repository.Should().Be("127.0.0.1:5000/team/research-assistant");
        image.Tag.Should().Be("0.1.0");
        image.Pinned.Should().Be($"127.0.0.1:5000/team/research-assistant@{digest}");
        image.ShortDigest.Should().Be("cccccccccccc");
        image.ToString().Should().Be($"127.0.0.1:5000/team/research-assistant:0.1.0@{digest}");
        ImageReference.Parse($"localhost:5000/ra@{digest}").Tag.Should().BeNull();
        FluentActions.Invoking(() => ImageReference.Parse("research-assistant:latest")).Should().Throw<DeploymentException>().WithMessage("*not pinned by digest*image.json*");
        ImageReference.IsDigest(digest).Should().BeTrue();
        ImageReference.IsDigest("sha256:abc").Should().BeFalse();
    }
}
