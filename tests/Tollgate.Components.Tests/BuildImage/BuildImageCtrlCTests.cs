using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>
/// Ctrl-C on a real build process while the Build target smoke-tests its image: the build stops with a clear
/// cancellation, and no container or network of the run is left on the engine (found by the project label Build sets).
/// The service listens on 9090, so the smoke test's GET /health on the published port 8080 never answers while the
/// container keeps running: the build stays in the smoke test until it is interrupted.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class BuildImageCtrlCTests(LocalEngineFixture fixture)
    : ServiceRepositoryTest(fixture, "tollgate-build-ctrlc", ServiceDockerfile("ASPNETCORE_URLS=http://+:9090"))
{
    private readonly string _registry = "localhost/tollgate-cov-" + TollgateLabels.NewSession();

    [RequiresEngineFact]
    public async Task Ctrl_C_during_the_smoke_test_cancels_the_build_without_a_stack_trace_and_leaves_no_container_or_network_of_the_run()
    {
        using var stage = BuildPrograms.StartStage(Root.Path, "Build", "--image-dockerfile", "Dockerfile", "--image-build-args", $"BASE_IMAGE={Fixture.RuntimeImage}", $"SDK_IMAGE={Fixture.RuntimeImage}",
            "--registry", _registry, "--image-push", "false", "--provision-engine", "false");

        // The mid-point: the smoke-test container, labelled for this repository, runs.
        var running = await WaitForAsync(async () => (await Fixture.Engine.ListContainersAsync(Project, CancellationToken.None)).Count > 0 || stage.HasExited, TimeSpan.FromMinutes(5));
        running.Should().BeTrue("the Build target reaches its smoke test; output so far:\n" + stage.Output);
        (await Fixture.Engine.ListContainersAsync(Project, CancellationToken.None)).Should().ContainSingle("the smoke-test container runs when SIGINT is sent; output so far:\n" + stage.Output);

        await stage.InterruptAsync();

        (await stage.WaitForExitAsync(TimeSpan.FromMinutes(2))).Should().BeTrue("the build stops after SIGINT; output so far:\n" + stage.Output);
        var output = stage.Output;
        stage.ExitCode.Should().NotBe(0, output);
        output.Should().Contain("Build was cancelled.").And.Contain("Aborted");
        output.Should().NotContain("   at ", "a cancellation is reported without a stack trace").And.NotContain("Exception", output);
        File.Exists(Root["artifacts/image/image.json"]).Should().BeFalse("a cancelled build writes no image record");
        var left = await Fixture.Engine.RemoveByLabelAsync(Project, includeImages: false, CancellationToken.None);
        left.Containers.Should().Be(0, "the smoke-test container is removed on Ctrl-C; output:\n" + output);
        left.Networks.Should().Be(0, "no network of the run is left");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!cancel.IsCancellationRequested)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        return false;
    }
}
