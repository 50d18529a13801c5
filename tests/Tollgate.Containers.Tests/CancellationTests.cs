using Docker.DotNet.Models;
using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

/// <summary>Ctrl-C during a build: the token is cancelled while a RUN step is running in the engine.</summary>
[Collection(EngineGroup.Name)]
public sealed class CancellationTests(EngineFixture fixture)
{
    [RequiresEngineFact]
    public async Task Cancelling_a_build_during_a_RUN_step_stops_it_reports_cancellation_and_leaves_no_container_behind()
    {
        var runtime = await fixture.RuntimeAsync();
        using var context = new TempDirectory();

        // The host's sleep (libc only, which the runtime base carries) with a duration unique to this test, so the build's
        // RUN container can be told from everyone else's on the shared engine.
        var marker = $"900.{Random.Shared.Next(100_000, 999_999)}";
        context.Write("Dockerfile", $"FROM {runtime.Reference}\nCOPY sleep /sleep\nRUN [\"/sleep\", \"{marker}\"]\n");
        var tag = $"localhost/tollgate-test/cancelled:{fixture.Session}";
        using var cancellation = new CancellationTokenSource();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var build = fixture.Engine.BuildImageAsync(
            new ImageBuildRequest(context.Path) { Tags = [tag], Labels = fixture.Labels, ExtraFiles = [new ContextFile(SleepBinary(), "sleep")] },
            cancellation.Token);
        (await WaitUntilAsync(async () => (await RunContainersAsync(marker)).Count > 0, deadline.Token)).Should().BeTrue("the RUN step should start");
        await cancellation.CancelAsync();

        await ((Func<Task>)(() => build)).Should().ThrowAsync<OperationCanceledException>();
        (await WaitUntilAsync(async () => (await RunContainersAsync(marker)).Count == 0, deadline.Token)).Should().BeTrue("the engine should stop and remove the RUN container once the client went away");
        (await fixture.Engine.InspectImageAsync(tag, CancellationToken.None)).Should().BeNull();
    }

    private static string SleepBinary() => new[] { "/usr/bin/sleep", "/bin/sleep" }.First(File.Exists);

    private async Task<IList<string>> RunContainersAsync(string marker)
    {
        var all = await fixture.Engine.Api.Containers.ListContainersAsync(new ContainersListParameters { All = true }, CancellationToken.None);
        return [.. all.Where(c => c.Command?.Contains(marker, StringComparison.Ordinal) == true).Select(c => c.ID)];
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, CancellationToken deadline)
    {
        while (!deadline.IsCancellationRequested)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250, CancellationToken.None);
        }

        return false;
    }
}
