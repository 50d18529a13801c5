using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>
/// Destroy against the real engine and docker-registry: it removes the images Build made for this repository (by the
/// project label) and stops the local registry Build started from this repository's state folder, and nothing else.
/// </summary>
public sealed class DestroyTests
{
    [RequiresToolFact("docker-registry")]
    public async Task Destroy_removes_this_repositorys_images_and_the_registry_it_started_and_leaves_others_alone()
    {
        using var root = new TempDirectory();
        using var elsewhere = new TempDirectory();
        var log = new RecordingLog();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var engine = await ContainerEngineClient.ConnectAsync(log, timeout.Token);
        var session = TollgateLabels.NewSession();
        var mine = await BuildTinyImageAsync(engine, root.Path, session, $"localhost/tollgate-test/destroy-mine:{session}", timeout.Token);
        var other = await BuildTinyImageAsync(engine, elsewhere.Path, session, $"localhost/tollgate-test/destroy-other:{session}", timeout.Token);
        var ourRegistry = new LocalRegistry(Path.Combine(root.Path, ".nuke", "temp", "registry"), log);
        var otherRegistry = new LocalRegistry(Path.Combine(elsewhere.Path, "registry"), log);
        var ourAddress = await ourRegistry.StartAsync(LocalRegistry.FreePort(), null, timeout.Token);
        var otherAddress = await otherRegistry.StartAsync(LocalRegistry.FreePort(), null, timeout.Token);
        try
        {
            var (exitCode, output, _) = await GitHubRun.RunAsync(new BuildImageBuild(), root.Path, "Destroy");

            exitCode.Should().Be(0, output);
            output.Should().Contain("Removed 1 images").And.Contain("Stopped the registry");
            (await engine.InspectImageAsync(mine, timeout.Token)).Should().BeNull();
            (await engine.InspectImageAsync(other, timeout.Token)).Should().NotBeNull("an image of another repository stays");
            (await LocalRegistry.IsAnsweringAsync(ourAddress, timeout.Token)).Should().BeFalse();
            (await LocalRegistry.IsAnsweringAsync(otherAddress, timeout.Token)).Should().BeTrue("a registry Tollgate did not start for this repository stays");

            var (again, secondOutput, _) = await GitHubRun.RunAsync(new BuildImageBuild(), root.Path, "Destroy");
            again.Should().Be(0, secondOutput);
            secondOutput.Should().Contain("Removed 0 images").And.Contain("No local registry of this repository was running");
        }
        finally
        {
            await ourRegistry.StopAsync(CancellationToken.None);
            await otherRegistry.StopAsync(CancellationToken.None);
            await engine.RemoveByLabelAsync(TollgateLabels.SessionFilter(session), includeImages: true, CancellationToken.None);
        }
    }

    /// <summary>A FROM scratch image labelled as Build labels its images for <paramref name="buildRoot"/>.</summary>
    private static async Task<string> BuildTinyImageAsync(ContainerEngineClient engine, string buildRoot, string session, string tag, CancellationToken cancellationToken)
    {
        using var context = new TempDirectory();
        context.Write("a.txt", tag);
        context.Write("Dockerfile", "FROM scratch\nCOPY a.txt /a.txt\n");
        var labels = new Dictionary<string, string>(TollgateLabels.For(session, "tests")) { [TollgateLabels.Project] = TollgateLabels.ProjectId(buildRoot) };
        await engine.BuildImageAsync(new ImageBuildRequest(context.Path) { Tags = [tag], Labels = labels }, cancellationToken);
        return tag;
    }
}
