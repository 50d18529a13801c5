using Tollgate.Components.BuildImage;
using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>
/// `Build` then `Destroy`, each a real build process as `./build.sh` starts it, in a temporary git repository: Build
/// starts the local registry (on a free port: --local-registry-port), which outlives the Build process as a local
/// service; Destroy stops it and removes everything labelled for this repository; a second Destroy has nothing to do.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class DestroyProcessTests(LocalEngineFixture fixture)
    : ServiceRepositoryTest(fixture, "tollgate-build-destroy", ServiceDockerfile("ASPNETCORE_URLS=http://+:8080"))
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);

    public override async Task DisposeAsync()
    {
        await new LocalRegistry(Root[".nuke/temp/registry"], new RecordingLog()).StopAsync(CancellationToken.None);
        await base.DisposeAsync();
    }

    [RequiresEngineAndRegistryFact]
    public async Task Destroy_stops_the_registry_Build_left_running_and_removes_this_repositorys_images_and_containers_and_a_second_Destroy_is_a_no_op()
    {
        var port = LocalRegistry.FreePort();
        var address = $"127.0.0.1:{port}";

        var (built, buildOutput) = await BuildPrograms.RunStageAsync(Root.Path, BuildTimeout, "Build", "--image-dockerfile", "Dockerfile",
            "--image-build-args", $"BASE_IMAGE={Fixture.RuntimeImage}", $"SDK_IMAGE={Fixture.RuntimeImage}", "--local-registry-port", $"{port}", "--provision-engine", "false");

        built.Should().Be(0, buildOutput);
        buildOutput.Should().Contain($"Started a registry on {address}");
        var manifest = ImageManifest.Read(Root["artifacts/image/image.json"]);
        manifest.Registry.Should().Be(address);
        manifest.Digest.Should().StartWith("sha256:");
        (await LocalRegistry.IsAnsweringAsync(address, CancellationToken.None)).Should().BeTrue("the registry keeps running after the Build process ended, as a local service");
        (await LocalRegistry.CatalogAsync(address, null, CancellationToken.None)).Should().Contain("research-assistant");
        // A container of this repository that a killed build (SIGKILL, no clean-up) would leave behind.
        var leftover = await Fixture.Engine.RunContainerAsync(new ContainerSpec(manifest.ImageId) { Labels = new Dictionary<string, string>(TollgateLabels.For(TollgateLabels.NewSession(), "build-image")) { [TollgateLabels.Project] = TollgateLabels.ProjectId(Root.Path) } }, CancellationToken.None);

        var (destroyed, destroyOutput) = await BuildPrograms.RunStageAsync(Root.Path, TimeSpan.FromMinutes(3), "Destroy");

        destroyed.Should().Be(0, destroyOutput);
        destroyOutput.Should().Contain("Stopped the registry").And.Contain("The local registry is stopped").And.MatchRegex(@"Removed [1-9]\d* images, 1 containers");
        (await LocalRegistry.IsAnsweringAsync(address, CancellationToken.None)).Should().BeFalse("Destroy stops the registry Build started");
        (await Fixture.Engine.InspectContainerAsync(leftover.Id, CancellationToken.None)).Should().BeNull();
        (await Fixture.Engine.InspectImageAsync(manifest.ImageId, CancellationToken.None)).Should().BeNull("Destroy removes the image Build made");
        var left = await Fixture.Engine.RemoveByLabelAsync(Project, includeImages: true, CancellationToken.None);
        (left.Containers + left.Networks + left.Images).Should().Be(0, "nothing labelled for this repository is left");

        var (again, againOutput) = await BuildPrograms.RunStageAsync(Root.Path, TimeSpan.FromMinutes(3), "Destroy");

        again.Should().Be(0, againOutput);
        againOutput.Should().Contain("No local registry of this repository was running").And.Contain("Removed 0 images, 0 containers and 0 networks");
    }
}
