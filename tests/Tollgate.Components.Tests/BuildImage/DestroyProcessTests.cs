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
public sealed class DestroyProcessTests(LocalEngineFixture fixture) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);
    private readonly TempDirectory _root = new("tollgate-build-destroy");

    public async Task InitializeAsync()
    {
        LocalEngineFixture.CopyService(_root);
        _root.Write(".gitignore", "app/\nartifacts/\n.nuke/\n");
        _root.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY app/ /app/\nWORKDIR /app\nENV ASPNETCORE_URLS=http://+:8080\nUSER 1654\nENTRYPOINT [\"dotnet\", \"/app/ResearchAssistant.dll\"]\n");
        await new GitRepository(_root).InitAsync();
    }

    public async Task DisposeAsync()
    {
        await new LocalRegistry(_root[".nuke/temp/registry"], new RecordingLog()).StopAsync(CancellationToken.None);
        if (fixture.Engine is not null)
        {
            await fixture.Engine.RemoveByLabelAsync(TollgateLabels.ProjectFilter(_root.Path), includeImages: true, CancellationToken.None);
        }
    }

    public void Dispose() => _root.Dispose();

    [RequiresEngineAndRegistryFact]
    public async Task Destroy_stops_the_registry_Build_left_running_and_removes_this_repositorys_images_and_containers_and_a_second_Destroy_is_a_no_op()
    {
        var port = LocalRegistry.FreePort();
        var address = $"127.0.0.1:{port}";
        var project = TollgateLabels.ProjectFilter(_root.Path);

        var (built, buildOutput) = await StageProcess.RunAsync(_root.Path, BuildTimeout, "Build", "--image-dockerfile", "Dockerfile",
            "--image-build-args", $"BASE_IMAGE={fixture.RuntimeImage}", $"SDK_IMAGE={fixture.RuntimeImage}", "--local-registry-port", $"{port}", "--provision-engine", "false");

        built.Should().Be(0, buildOutput);
        buildOutput.Should().Contain($"Started a registry on {address}");
        var manifest = ImageManifest.Read(_root["artifacts/image/image.json"]);
        manifest.Registry.Should().Be(address);
        manifest.Digest.Should().StartWith("sha256:");
        (await LocalRegistry.IsAnsweringAsync(address, CancellationToken.None)).Should().BeTrue("the registry keeps running after the Build process ended, as a local service");
        (await LocalRegistry.CatalogAsync(address, null, CancellationToken.None)).Should().Contain("research-assistant");
        // A container of this repository that a killed build (SIGKILL, no clean-up) would leave behind.
        var leftover = await fixture.Engine.RunContainerAsync(new ContainerSpec(manifest.ImageId) { Labels = new Dictionary<string, string>(TollgateLabels.For(TollgateLabels.NewSession(), "build-image")) { [TollgateLabels.Project] = TollgateLabels.ProjectId(_root.Path) } }, CancellationToken.None);

        var (destroyed, destroyOutput) = await StageProcess.RunAsync(_root.Path, TimeSpan.FromMinutes(3), "Destroy");

        destroyed.Should().Be(0, destroyOutput);
        destroyOutput.Should().Contain("Stopped the registry").And.Contain("The local registry is stopped").And.MatchRegex(@"Removed [1-9]\d* images, 1 containers");
        (await LocalRegistry.IsAnsweringAsync(address, CancellationToken.None)).Should().BeFalse("Destroy stops the registry Build started");
        (await fixture.Engine.InspectContainerAsync(leftover.Id, CancellationToken.None)).Should().BeNull();
        (await fixture.Engine.InspectImageAsync(manifest.ImageId, CancellationToken.None)).Should().BeNull("Destroy removes the image Build made");
        var left = await fixture.Engine.RemoveByLabelAsync(project, includeImages: true, CancellationToken.None);
        (left.Containers + left.Networks + left.Images).Should().Be(0, "nothing labelled for this repository is left");

        var (again, againOutput) = await StageProcess.RunAsync(_root.Path, TimeSpan.FromMinutes(3), "Destroy");

        again.Should().Be(0, againOutput);
        againOutput.Should().Contain("No local registry of this repository was running").And.Contain("Removed 0 images, 0 containers and 0 networks");
    }
}
