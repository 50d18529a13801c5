using System.Text.Json.Nodes;
using Tollgate.Components.BuildImage;
using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.Scan;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>
/// The hand-over of the image between GitHub Actions jobs, where each job is a fresh runner: Build pushes to a registry
/// on the loopback address (a real docker-registry on a free port), so it also writes the image archive; then the
/// registry stops and the image leaves the engine (what the Scan job's runner looks like), and Scan loads the archive.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class BuildImageArchiveTests(LocalEngineFixture fixture) : ServiceRepositoryTest(fixture, "tollgate-build-archive", ServiceDockerfile())
{
    private readonly TempDirectory _registryState = new("tollgate-build-archive-registry");

    [RequiresEngineFact("docker-registry")]
    public async Task A_build_pushed_to_a_loopback_registry_on_GitHub_Actions_writes_an_archive_that_Scan_loads_when_registry_and_image_are_gone()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var registry = new LocalRegistry(_registryState["state"], Fixture.Log);
        var address = await registry.StartAsync(LocalRegistry.FreePort(), null, timeout.Token);
        ImageManifest manifest;
        try
        {
            var (exitCode, output, summary) = await GitHubRun.RunAsync(new ScanBuild(), Root.Path, "Build", "--image-dockerfile", "Dockerfile", "--image-build-args", $"BASE_IMAGE={Fixture.RuntimeImage}", $"SDK_IMAGE={Fixture.RuntimeImage}", "--registry", address, "--image-smoke-test", "false", "--provision-engine", "false");

            exitCode.Should().Be(0, output);
            output.Should().Contain($"Writing the image archive (the registry {address} is on this runner's loopback address");
            manifest = ImageManifest.Read(Root["artifacts/image/image.json"]);
            manifest.Digest.Should().StartWith("sha256:");
            manifest.Archive.Should().Be("../image-archive/image.tar.gz");
            new FileInfo(Root["artifacts/image-archive/image.tar.gz"]).Length.Should().BeGreaterThan(1 << 20);
            summary.Should().Contain("| Archive | `../image-archive/image.tar.gz`");
        }
        finally
        {
            await registry.StopAsync(CancellationToken.None);
        }

        await Fixture.Engine.RemoveByLabelAsync(Project, includeImages: true, timeout.Token);
        (await Fixture.Engine.InspectImageAsync(manifest.ImageId, timeout.Token)).Should().BeNull("the Scan job's runner has no copy of the image");

        var (scanExit, scanOutput, scanSummary) = await ScanBuild.RunAsync(Root.Path, "--scan-scanners", "image");

        scanExit.Should().Be(0, scanOutput);
        scanSummary.Should().Contain("loaded from artifacts/image-archive/image.tar.gz because pulling");
        (await Fixture.Engine.InspectImageAsync(manifest.ImageId, timeout.Token)).Should().NotBeNull();
        var bom = JsonNode.Parse(File.ReadAllText(Root["artifacts/scan/sbom/image.cdx.json"]))!;
        var purls = bom["components"]!.AsArray().Select(c => c!["purl"]!.GetValue<string>()).ToList();
        purls.Should().Contain(p => p.StartsWith("pkg:nuget/YamlDotNet@", StringComparison.Ordinal), "the service's deps.json came back with the image");
    }

    [Theory]
    [InlineData(null, true, "127.0.0.1:5000", true, "loopback")]
    [InlineData(null, true, "localhost:5000", true, "loopback")]
    [InlineData(null, true, "[::1]:5000", true, "loopback")]
    [InlineData(null, true, "registry.example.test", true, null)]
    [InlineData(null, true, "10.1.2.3:5000", true, null)]
    [InlineData(null, false, "registry.example.test", true, "not pushed")]
    [InlineData(null, true, "127.0.0.1:5000", false, null)]
    [InlineData(true, true, "registry.example.test", false, "--image-archive true")]
    [InlineData(false, false, "127.0.0.1:5000", true, null)]
    public void The_archive_is_written_on_GitHub_Actions_when_the_next_job_cannot_pull_the_image_or_when_asked(bool? requested, bool pushed, string registry, bool onGitHubActions, string? reason)
    {
        var actual = ImageArchivePolicy.Reason(requested, pushed, registry, onGitHubActions);

        if (reason is null)
        {
            actual.Should().BeNull();
        }
        else
        {
            actual.Should().Contain(reason);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _registryState.Dispose();
        }

        base.Dispose(disposing);
    }
}
