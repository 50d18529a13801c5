using Docker.DotNet;
using Docker.DotNet.Models;
using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

/// <summary>The discovery, build and run path against podman's Docker-compatible API (its own service, see <see cref="PodmanFixture"/>).</summary>
[Collection(PodmanGroup.Name)]
public sealed class PodmanTests(PodmanFixture fixture)
{
    [RequiresToolFact("podman", ".ci/install.d/40-podman.sh")]
    public void Discovery_finds_podman_through_DOCKER_HOST_and_tells_it_from_Docker()
    {
        fixture.Engine.Should().NotBeNull(fixture.Unavailable);
        fixture.Engine!.Kind.Should().Be(EngineKind.Podman);
        fixture.Engine.Endpoint.Should().Be(new Uri("unix://" + fixture.SocketPath));
        fixture.Engine.ApiVersion.Should().MatchRegex(@"^1\.\d+$");
    }

    [RequiresToolFact("podman", ".ci/install.d/40-podman.sh")]
    public async Task I_can_build_a_multi_stage_image_with_a_dockerignore_on_podman_and_run_it()
    {
        var runtime = await fixture.RuntimeAsync();
        using var context = new TempDirectory();
        context.Write("message.txt", "hello from podman");
        context.Write("secret.env", "TOKEN=x");
        context.Write(".dockerignore", "*.env\n");
        context.Write("Dockerfile", """
            ARG BASE_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
            FROM ${BASE_IMAGE} AS first
            ARG GREETING=unset
            COPY . /stage/${GREETING}/
            FROM ${BASE_IMAGE} AS final
            COPY --from=first /stage/ /final/
            """);
        var tag = $"localhost/tollgate-test/podman-multi:{fixture.Session}";

        var built = await fixture.Api.BuildImageAsync(
            new ImageBuildRequest(context.Path)
            {
                Tags = [tag],
                BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = runtime.Reference, ["GREETING"] = "hi" },
                Labels = fixture.Labels,
            },
            CancellationToken.None);

        var details = await fixture.Api.InspectImageAsync(tag, CancellationToken.None);
        details.Should().NotBeNull();
        details!.Id.Should().EndWith(built.Id.Replace("sha256:", string.Empty, StringComparison.Ordinal));
        details.Labels.Should().Contain(TollgateLabels.Session, fixture.Session);
        (await ExistsInImageAsync(tag, "/final/hi/message.txt")).Should().BeTrue();
        (await ExistsInImageAsync(tag, "/final/hi/secret.env")).Should().BeFalse();
        (await ExistsInImageAsync(tag, "/final/unset")).Should().BeFalse();
    }

    [RequiresToolFact("podman", ".ci/install.d/40-podman.sh")]
    public async Task A_container_on_podman_gets_env_a_loopback_port_a_network_and_labels_and_is_cleaned_up_by_label()
    {
        var runtime = await fixture.RuntimeAsync();
        var session = TollgateLabels.NewSession();
        var labels = TollgateLabels.For(session, "tests");
        await fixture.Api.CreateNetworkAsync($"tollgate-test-{session}", labels, CancellationToken.None);
        var spec = new ContainerSpec(runtime.Reference)
        {
            Network = $"tollgate-test-{session}",
            Labels = labels,
            Command = ["dotnet", "--list-runtimes"],
        }.WithEnvironment("GREETING", "hi").WithPort(8080, LocalRegistry.FreePort());

        var container = await fixture.Api.RunContainerAsync(spec, CancellationToken.None);
        var exitCode = await fixture.Api.WaitContainerAsync(container.Id, CancellationToken.None);
        var logs = await fixture.Api.GetLogsAsync(container.Id, 5, CancellationToken.None);
        var cleanup = await fixture.Api.RemoveByLabelAsync(TollgateLabels.SessionFilter(session), includeImages: false, CancellationToken.None);

        exitCode.Should().Be(0);
        logs.Should().Contain("Microsoft.NETCore.App");
        container.Labels.Should().Contain(TollgateLabels.Session, session);
        cleanup.Should().Be(new CleanupResult(1, 1, 0));
        (await fixture.Api.InspectContainerAsync(container.Id, CancellationToken.None)).Should().BeNull();
    }

    [RequiresToolFact("podman", ".ci/install.d/40-podman.sh")]
    public async Task A_failing_RUN_on_podman_is_reported_with_the_engines_message()
    {
        var runtime = await fixture.RuntimeAsync();
        using var context = new TempDirectory();
        context.Write("Dockerfile", $"FROM {runtime.Reference}\nRUN [\"dotnet\", \"no-such-command\"]\n");

        var build = () => fixture.Api.BuildImageAsync(new ImageBuildRequest(context.Path) { Labels = fixture.Labels }, CancellationToken.None);

        var failure = (await build.Should().ThrowAsync<ImageBuildException>()).Which;
        failure.DaemonMessage.Should().NotBeNullOrWhiteSpace();
        failure.Message.Should().Contain("no-such-command").And.NotContain("   at ");
    }

    private async Task<bool> ExistsInImageAsync(string image, string path)
    {
        var id = await fixture.Api.CreateContainerAsync(new ContainerSpec(image) { Labels = fixture.Labels, Command = ["dotnet"] }, CancellationToken.None);
        try
        {
            await fixture.Api.Api.Containers.GetArchiveFromContainerAsync(id, new ContainerPathStatParameters { Path = path }, statOnly: true, CancellationToken.None);
            return true;
        }
        catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
        finally
        {
            await fixture.Api.RemoveContainerAsync(id, CancellationToken.None);
        }
    }
}
