using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

[Collection(EngineGroup.Name)]
public sealed class EngineTests(EngineFixture fixture)
{
    [Fact]
    public async Task An_unreachable_engine_is_reported_with_what_was_tried_and_how_to_start_one()
    {
        var port = LocalRegistry.FreePort();
        var locator = new EngineLocator(name => name == "DOCKER_HOST" ? $"tcp://127.0.0.1:{port}" : null, TimeSpan.FromSeconds(2));

        var locate = () => locator.LocateAsync(CancellationToken.None);

        var failure = (await locate.Should().ThrowAsync<EngineNotFoundException>()).Which;
        failure.Attempts.Should().ContainSingle().Which.Should().Contain($"tcp://127.0.0.1:{port}").And.Contain("DOCKER_HOST");
        failure.Message.Should().Contain("No container engine answered").And.Contain("dockerd").And.Contain("podman").And.NotContain("   at ");
    }

    [Fact]
    public void Without_DOCKER_HOST_the_docker_and_podman_sockets_are_tried()
    {
        var candidates = new EngineLocator(name => name switch { "XDG_RUNTIME_DIR" => "/run/user/1000", "HOME" => "/home/me", _ => null }, TimeSpan.FromSeconds(1)).Candidates();

        candidates.Select(c => c.Endpoint.ToString()).Should().Equal(
            "unix:///var/run/docker.sock", "unix:///run/user/1000/docker.sock", "unix:///run/user/1000/podman/podman.sock",
            "unix:///home/me/.docker/run/docker.sock", "unix:///run/podman/podman.sock");
    }

    [Fact]
    public async Task A_call_to_an_engine_that_stopped_answering_names_the_endpoint()
    {
        var port = LocalRegistry.FreePort();
        using var client = new ContainerEngineClient(new EngineInfo(new Uri($"tcp://127.0.0.1:{port}"), "test", EngineKind.Docker, "0", "1.41", "linux", "amd64"), new TestLog());

        var inspect = () => client.InspectImageAsync("anything", CancellationToken.None);

        (await inspect.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Contain($"127.0.0.1:{port}").And.Contain("did not answer");
    }

    [RequiresEngineFact]
    public async Task I_can_run_a_container_with_env_a_port_on_loopback_a_network_and_labels_and_clean_up_by_label()
    {
        var runtime = await fixture.RuntimeAsync();
        var session = TollgateLabels.NewSession();
        var labels = TollgateLabels.For(session, "tests");
        await fixture.Engine.CreateNetworkAsync($"tollgate-test-{session}", labels, CancellationToken.None);
        var spec = new ContainerSpec(runtime.Reference)
        {
            Network = $"tollgate-test-{session}",
            NetworkAliases = ["web"],
            Labels = labels,
            Command = ["dotnet", "--info"],
        }.WithEnvironment("GREETING", "hi").WithPort(8080, LocalRegistry.FreePort());

        var container = await fixture.Engine.RunContainerAsync(spec, CancellationToken.None);
        var exitCode = await fixture.Engine.WaitContainerAsync(container.Id, CancellationToken.None);
        var logs = await fixture.Engine.GetLogsAsync(container.Id, 5, CancellationToken.None);
        var cleanup = await fixture.Engine.RemoveByLabelAsync(TollgateLabels.SessionFilter(session), includeImages: false, CancellationToken.None);

        exitCode.Should().Be(0);
        container.Labels.Should().Contain(TollgateLabels.Session, session);
        container.HostPort(8080).Should().BeGreaterThan(0);
        logs.Should().NotBeEmpty();
        cleanup.Should().Be(new CleanupResult(1, 1, 0));
        (await fixture.Engine.InspectContainerAsync(container.Id, CancellationToken.None)).Should().BeNull();
    }

    [RequiresEngineFact]
    public async Task The_SDK_base_image_from_the_host_dotnet_lists_the_host_SDK()
    {
        var sdk = await fixture.SdkAsync();
        var container = await fixture.Engine.RunContainerAsync(
            new ContainerSpec(sdk.Reference) { Labels = fixture.Labels, Command = ["dotnet", "--list-sdks"] },
            CancellationToken.None);
        try
        {
            (await fixture.Engine.WaitContainerAsync(container.Id, CancellationToken.None)).Should().Be(0);
            (await fixture.Engine.GetLogsAsync(container.Id, null, CancellationToken.None)).Should().Contain(HostDotnet.Locate().SdkVersion);
        }
        finally
        {
            await fixture.Engine.RemoveContainerAsync(container.Id, CancellationToken.None);
        }
    }
}
