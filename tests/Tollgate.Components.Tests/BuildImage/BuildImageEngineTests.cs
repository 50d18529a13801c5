using Tollgate.Components.BuildImage;
using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>
/// The Build target through the real engine, in a temporary git repository holding the service's build output and a
/// Dockerfile on the runtime base made from the host's .NET: tags from git, OCI and project labels, the smoke test of
/// the running image, and the image record DeployStaging and Scan read. Nothing is pushed (--image-push false).
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class BuildImageEngineTests(LocalEngineFixture fixture) : ServiceRepositoryTest(fixture, "tollgate-build-image", dockerfile: null)
{
    private readonly string _registry = "localhost/tollgate-cov-" + TollgateLabels.NewSession();

    [RequiresEngineFact]
    public async Task Build_builds_the_Dockerfile_smoke_tests_the_running_image_labels_it_and_writes_the_image_record()
    {
        Root.Write("Dockerfile", ServiceDockerfile("ASPNETCORE_URLS=http://+:8080"));
        var sha = await new GitRepository(Root).GitAsync("rev-parse", "HEAD");

        var (exitCode, output, summary) = await Run();

        exitCode.Should().Be(0, output);
        output.Should().Contain("Smoke test: GET /health answered 200").And.Contain("Smoke test: POST /query answered 200");
        var manifest = ImageManifest.Read(Root["artifacts/image/image.json"]);
        manifest.Repository.Should().Be($"{_registry}/research-assistant");
        manifest.Tags.Should().Contain(sha[..7]);
        manifest.Digest.Should().BeNull("nothing was pushed");
        manifest.Archive.Should().Be("../image-archive/image.tar.gz", "on GitHub Actions an image that was not pushed is handed to the next job as an archive");
        output.Should().Contain("Writing the image archive (the image was not pushed");
        summary.Should().Contain(manifest.Repository);
        var image = await Fixture.Engine.InspectImageAsync(manifest.ImageId, CancellationToken.None);
        image.Should().NotBeNull();
        image!.Labels.Should().Contain("org.opencontainers.image.revision", sha)
            .And.Contain(TollgateLabels.Project, TollgateLabels.ProjectId(Root.Path))
            .And.Contain("org.opencontainers.image.licenses", "MIT");
    }

    [RequiresEngineFact]
    public async Task An_image_that_fails_its_smoke_test_fails_the_target_with_the_containers_log_and_writes_no_record()
    {
        Root.Write("Dockerfile", ServiceDockerfile("ASPNETCORE_URLS=http://+:8080 DOCUMENTS_DIR=/nonexistent"));

        var (exitCode, output, _) = await Run();

        exitCode.Should().Be(1);
        output.Should().Contain("Smoke test failed: the container exited").And.Contain("Last lines of the container's log:");
        File.Exists(Root["artifacts/image/image.json"]).Should().BeFalse();
    }

    private Task<(int ExitCode, string Output, string StepSummary)> Run() =>
        GitHubRun.RunAsync(new BuildImageBuild(), Root.Path, "Build", "--image-dockerfile", "Dockerfile", "--image-build-args", $"BASE_IMAGE={Fixture.RuntimeImage}", $"SDK_IMAGE={Fixture.RuntimeImage}", "--registry", _registry, "--image-push", "false", "--provision-engine", "false");
}
