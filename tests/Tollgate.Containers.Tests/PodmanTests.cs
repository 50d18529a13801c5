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

    [RequiresToolFact("podman", ".ci/install.d/40-podman.sh")]
    public async Task I_can_push_to_an_authenticated_registry_through_podman_and_pull_back_by_digest()
    {
        fixture.Client.Should().NotBeNull(fixture.Unavailable);
        var login = new RegistryCredentials("tollgate", "s3cret-" + TollgateLabels.NewSession());
        var runtime = await fixture.RuntimeAsync();
        await using var registry = await TestRegistry.StartAsync(fixture.Log, login);
        var repository = $"{registry.Address}/tollgate-test/podman-push";
        var reference = $"{repository}:{fixture.Session}";
        using var context = new TempDirectory();
        context.Write("data.txt", reference);
        context.Write("Dockerfile", $"FROM {runtime.Reference}\nCOPY data.txt /data.txt\n");
        var built = await fixture.Api.BuildImageAsync(new ImageBuildRequest(context.Path) { Tags = [reference], Labels = fixture.Labels }, CancellationToken.None);

        var pushed = await fixture.Api.PushImageAsync(reference, login, CancellationToken.None);

        pushed.Digest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        (await LocalRegistry.CatalogAsync(registry.Address, login, CancellationToken.None)).Should().Contain("tollgate-test/podman-push");
        await fixture.Api.RemoveImageAsync(built.Id, force: true, CancellationToken.None);
        (await fixture.Api.InspectImageAsync(reference, CancellationToken.None)).Should().BeNull("the pull below must fetch the image from the registry");
        var byDigest = $"{repository}@{pushed.Digest}";

        await fixture.Api.PullImageAsync(byDigest, login, CancellationToken.None);

        var pulled = await fixture.Api.InspectImageAsync(byDigest, CancellationToken.None);
        pulled.Should().NotBeNull();
        pulled!.RepoDigests.Should().Contain(byDigest);
        pulled.Labels.Should().Contain(TollgateLabels.Session, fixture.Session);
    }

    [RequiresToolFact("podman", ".ci/install.d/40-podman.sh")]
    public async Task Wrong_registry_credentials_on_podman_are_reported_clearly_without_a_stack_trace()
    {
        fixture.Client.Should().NotBeNull(fixture.Unavailable);
        var login = new RegistryCredentials("tollgate", "s3cret-" + TollgateLabels.NewSession());
        var runtime = await fixture.RuntimeAsync();
        await using var registry = await TestRegistry.StartAsync(fixture.Log, login);
        var reference = $"{registry.Address}/tollgate-test/podman-denied:{fixture.Session}";
        await fixture.Api.TagImageAsync(runtime.Reference, reference, CancellationToken.None);

        var push = () => fixture.Api.PushImageAsync(reference, login with { Password = "wrong-password" }, CancellationToken.None);

        var failure = (await push.Should().ThrowAsync<RegistryException>()).Which;
        failure.IsAuthenticationFailure.Should().BeTrue(failure.Message);
        failure.Message.Should().Contain(registry.Address).And.Contain("--registry-password").And.NotContain("   at ").And.NotContain("wrong-password");
    }

    [RequiresToolFact("podman", ".ci/install.d/40-podman.sh")]
    public async Task A_plain_HTTP_registry_podman_does_not_trust_is_reported_with_how_to_mark_it_insecure()
    {
        fixture.Client.Should().NotBeNull(fixture.Unavailable);
        var runtime = await fixture.RuntimeAsync();
        await using var registry = await TestRegistry.StartAsync(fixture.Log, login: null);
        // The fixture marks 127.0.0.1 insecure for podman, not localhost: the same registry by that name is untrusted.
        var untrusted = registry.Address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var reference = $"{untrusted}/tollgate-test/podman-https:{fixture.Session}";
        await fixture.Api.TagImageAsync(runtime.Reference, reference, CancellationToken.None);

        var push = () => fixture.Api.PushImageAsync(reference, null, CancellationToken.None);

        var failure = (await push.Should().ThrowAsync<RegistryException>()).Which;
        failure.IsAuthenticationFailure.Should().BeFalse();
        failure.Message.Should().Contain($"{untrusted} answers plain HTTP and the engine wants HTTPS")
            .And.Contain($"location = \"{untrusted}\" insecure = true").And.NotContain("   at ");
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
