using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>
/// Ctrl-C on a real build process while the Build target smoke-tests its image: the build stops with a clear
/// cancellation, and no container or network of the run is left on the engine (found by the project label Build sets).
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class BuildImageCtrlCTests(LocalEngineFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _root = new("tollgate-build-ctrlc");
    private readonly string _registry = "localhost/tollgate-cov-" + TollgateLabels.NewSession();

    public async Task InitializeAsync()
    {
        LocalEngineFixture.CopyService(_root);
        _root.Write(".gitignore", "app/\nartifacts/\n.nuke/\n");
        // The service listens on 9090, so the smoke test's GET /health on the published port 8080 never answers while the
        // container keeps running: the build stays in the smoke test until it is interrupted.
        _root.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY app/ /app/\nWORKDIR /app\nENV ASPNETCORE_URLS=http://+:9090\nUSER 1654\nENTRYPOINT [\"dotnet\", \"/app/ResearchAssistant.dll\"]\n");
        await new GitRepository(_root).InitAsync();
    }

    public async Task DisposeAsync()
    {
        if (fixture.Engine is not null)
        {
            await fixture.Engine.RemoveByLabelAsync(TollgateLabels.ProjectFilter(_root.Path), includeImages: true, CancellationToken.None);
        }
    }

    public void Dispose() => _root.Dispose();

    [RequiresEngineFact]
    public async Task Ctrl_C_during_the_smoke_test_cancels_the_build_without_a_stack_trace_and_leaves_no_container_or_network_of_the_run()
    {
        var project = TollgateLabels.ProjectFilter(_root.Path);
        using var stage = StageProcess.Start(_root.Path, "Build", "--image-dockerfile", "Dockerfile", "--image-build-args", $"BASE_IMAGE={fixture.RuntimeImage}", $"SDK_IMAGE={fixture.RuntimeImage}",
            "--registry", _registry, "--image-push", "false", "--provision-engine", "false");

        // The mid-point: the smoke-test container, labelled for this repository, runs.
        var running = await WaitForAsync(async () => (await fixture.Engine.ListContainersAsync(project, CancellationToken.None)).Count > 0 || stage.HasExited, TimeSpan.FromMinutes(5));
        running.Should().BeTrue("the Build target reaches its smoke test; output so far:\n" + stage.Output);
        (await fixture.Engine.ListContainersAsync(project, CancellationToken.None)).Should().ContainSingle("the smoke-test container runs when SIGINT is sent; output so far:\n" + stage.Output);

        await stage.InterruptAsync();

        (await stage.WaitForExitAsync(TimeSpan.FromMinutes(2))).Should().BeTrue("the build stops after SIGINT; output so far:\n" + stage.Output);
        var output = stage.Output;
        stage.ExitCode.Should().NotBe(0, output);
        output.Should().Contain("Build was cancelled.").And.Contain("Aborted");
        output.Should().NotContain("   at ", "a cancellation is reported without a stack trace").And.NotContain("Exception", output);
        File.Exists(_root["artifacts/image/image.json"]).Should().BeFalse("a cancelled build writes no image record");
        var left = await fixture.Engine.RemoveByLabelAsync(project, includeImages: false, CancellationToken.None);
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
