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
public sealed class BuildImageEngineTests(LocalEngineFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _root = new("tollgate-build-image");
    private readonly string _registry = "localhost/tollgate-cov-" + TollgateLabels.NewSession();

    public async Task InitializeAsync()
    {
        LocalEngineFixture.CopyService(_root);
        _root.Write(".gitignore", "app/\nartifacts/\n.nuke/\nstep-summary.md\n");
        await new GitRepository(_root).InitAsync();
    }

    public async Task DisposeAsync()
    {
        if (fixture.Engine is not null)
        {
            await fixture.Engine.RemoveByLabelAsync(TollgateLabels.ProjectFilter(_root.Path), includeImages: true, CancellationToken.None);
        }

    }

    public void Dispose()
    {
        _root.Dispose();
    }

    [RequiresEngineFact]
    public async Task Build_builds_the_Dockerfile_smoke_tests_the_running_image_labels_it_and_writes_the_image_record()
    {
        _root.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY app/ /app/\nWORKDIR /app\nENV ASPNETCORE_URLS=http://+:8080\nUSER 1654\nENTRYPOINT [\"dotnet\", \"/app/ResearchAssistant.dll\"]\n");
        var sha = await new GitRepository(_root).GitAsync("rev-parse", "HEAD");

        var (exitCode, output, summary) = await Run();

        exitCode.Should().Be(0, output);
        output.Should().Contain("Smoke test: GET /health answered 200").And.Contain("Smoke test: POST /query answered 200");
        var manifest = ImageManifest.Read(_root["artifacts/image/image.json"]);
        manifest.Repository.Should().Be($"{_registry}/research-assistant");
        manifest.Tags.Should().Contain(sha[..7]);
        manifest.Digest.Should().BeNull("nothing was pushed");
        manifest.Archive.Should().Be("../image-archive/image.tar.gz", "on GitHub Actions an image that was not pushed is handed to the next job as an archive");
        output.Should().Contain("Writing the image archive (the image was not pushed");
        summary.Should().Contain(manifest.Repository);
        var image = await fixture.Engine.InspectImageAsync(manifest.ImageId, CancellationToken.None);
        image.Should().NotBeNull();
        image!.Labels.Should().Contain("org.opencontainers.image.revision", sha)
            .And.Contain(TollgateLabels.Project, TollgateLabels.ProjectId(_root.Path))
            .And.Contain("org.opencontainers.image.licenses", "MIT");
    }

    [RequiresEngineFact]
    public async Task An_image_that_fails_its_smoke_test_fails_the_target_with_the_containers_log_and_writes_no_record()
    {
        _root.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY app/ /app/\nWORKDIR /app\nENV ASPNETCORE_URLS=http://+:8080 DOCUMENTS_DIR=/nonexistent\nUSER 1654\nENTRYPOINT [\"dotnet\", \"/app/ResearchAssistant.dll\"]\n");

        var (exitCode, output, _) = await Run();

        exitCode.Should().Be(1);
        output.Should().Contain("Smoke test failed: the container exited").And.Contain("Last lines of the container's log:");
        File.Exists(_root["artifacts/image/image.json"]).Should().BeFalse();
    }

    private Task<(int ExitCode, string Output, string StepSummary)> Run() =>
        GitHubRun.RunAsync(new BuildImageBuild(), _root.Path, "Build", "--image-dockerfile", "Dockerfile", "--image-build-args", $"BASE_IMAGE={fixture.RuntimeImage}", $"SDK_IMAGE={fixture.RuntimeImage}", "--registry", _registry, "--image-push", "false", "--provision-engine", "false");
}
