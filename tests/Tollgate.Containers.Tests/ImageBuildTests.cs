using Docker.DotNet;
using Docker.DotNet.Models;
using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

[Collection(EngineGroup.Name)]
public sealed class ImageBuildTests(EngineFixture fixture)
{
    [RequiresEngineFact]
    public async Task I_can_build_a_multi_stage_image_with_build_arguments_and_labels()
    {
        var runtime = await fixture.RuntimeAsync();
        using var context = new TempDirectory();
        context.Write("message.txt", "hello");
        context.Write("Dockerfile", """
            ARG BASE_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
            FROM ${BASE_IMAGE} AS first
            ARG GREETING=unset
            COPY message.txt /stage/${GREETING}.txt
            FROM ${BASE_IMAGE} AS final
            COPY --from=first /stage/ /final/
            """);
        var tag = $"localhost/tollgate-test/multi:{fixture.Session}";

        var built = await fixture.Engine.BuildImageAsync(
            new ImageBuildRequest(context.Path)
            {
                Tags = [tag],
                BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = runtime.Reference, ["GREETING"] = "hi" },
                Labels = fixture.Labels,
            },
            CancellationToken.None);

        built.BaseImages.Should().Equal(runtime.Reference, runtime.Reference);
        var details = await fixture.Engine.InspectImageAsync(tag, CancellationToken.None);
        details!.Id.Should().Be(built.Id);
        details.Labels.Should().Contain(TollgateLabels.Session, fixture.Session);
        (await ExistsInImageAsync(tag, "/final/hi.txt")).Should().BeTrue();
        (await ExistsInImageAsync(tag, "/final/unset.txt")).Should().BeFalse();
    }

    [RequiresEngineFact]
    public async Task A_dockerignore_with_exceptions_keeps_excluded_files_out_of_the_image()
    {
        var runtime = await fixture.RuntimeAsync();
        using var context = new TempDirectory();
        context.Write("app.txt", "app");
        context.Write("secret.env", "TOKEN=x");
        context.Write("logs/debug.log", "noise");
        context.Write("logs/keep.log", "kept");
        context.Write(".dockerignore", "*.env\nlogs/\n!logs/keep.log\n");
        context.Write("Dockerfile", $"FROM {runtime.Reference}\nCOPY . /ctx/\n");
        var tag = $"localhost/tollgate-test/ignore:{fixture.Session}";

        await fixture.Engine.BuildImageAsync(new ImageBuildRequest(context.Path) { Tags = [tag], Labels = fixture.Labels }, CancellationToken.None);

        (await ExistsInImageAsync(tag, "/ctx/app.txt")).Should().BeTrue();
        (await ExistsInImageAsync(tag, "/ctx/logs/keep.log")).Should().BeTrue();
        (await ExistsInImageAsync(tag, "/ctx/secret.env")).Should().BeFalse();
        (await ExistsInImageAsync(tag, "/ctx/logs/debug.log")).Should().BeFalse();
    }

    [RequiresEngineFact]
    public async Task A_failing_RUN_is_reported_with_the_daemons_message_and_the_instruction()
    {
        var runtime = await fixture.RuntimeAsync();
        using var context = new TempDirectory();
        context.Write("Dockerfile", $"FROM {runtime.Reference}\nRUN [\"dotnet\", \"no-such-command\"]\n");

        var build = () => fixture.Engine.BuildImageAsync(new ImageBuildRequest(context.Path) { Labels = fixture.Labels }, CancellationToken.None);

        var failure = (await build.Should().ThrowAsync<ImageBuildException>()).Which;
        failure.Instruction.Should().Contain("RUN [\"dotnet\", \"no-such-command\"]");
        failure.DaemonMessage.Should().Contain("returned a non-zero code");
        failure.Message.Should().Contain("Step 2/2").And.NotContain("   at ");
    }

    [RequiresEngineFact]
    public async Task A_missing_Dockerfile_is_reported_with_its_path()
    {
        using var context = new TempDirectory();

        var build = () => fixture.Engine.BuildImageAsync(new ImageBuildRequest(context.Path), CancellationToken.None);

        (await build.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Contain(Path.Combine(context.Path, "Dockerfile")).And.Contain("does not exist");
    }

    /// <summary>Whether <paramref name="path"/> exists in the image: a created (never started) container is asked for it.</summary>
    private async Task<bool> ExistsInImageAsync(string image, string path)
    {
        var id = await fixture.Engine.CreateContainerAsync(new ContainerSpec(image) { Labels = fixture.Labels }, CancellationToken.None);
        try
        {
            await fixture.Engine.Api.Containers.GetArchiveFromContainerAsync(id, new ContainerPathStatParameters { Path = path }, statOnly: true, CancellationToken.None);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
        catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
        finally
        {
            await fixture.Engine.RemoveContainerAsync(id, CancellationToken.None);
        }
    }
}
