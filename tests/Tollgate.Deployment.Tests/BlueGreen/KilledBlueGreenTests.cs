using System.Collections.Concurrent;
using System.Globalization;
using Tollgate.Deployment.BlueGreen;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Records;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.BlueGreen;

/// <summary>
/// A blue-green deploy running in a child process is killed with SIGKILL (no cleanup can run), then run again: the
/// rerun reads the live state from the router and the labels and ends with one healthy active colour and nothing orphaned.
/// </summary>
[Collection(BlueGreenGroup.Name)]
public sealed class KilledBlueGreenTests(BlueGreenFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentQueue<string> log = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly DeploymentEnvironment environment = BlueGreenFixture.NewEnvironment();

    [RequiresEngineTheory]
    [InlineData("deployed ", "before the switch: green runs in the preview")]
    [InlineData("production traffic switched to green", "after the switch, in post-promotion analysis: blue is warm")]
    public async Task A_deploy_killed_with_SIGKILL_and_run_again_ends_with_one_healthy_active_colour_and_no_orphans(string killAfter, string because)
    {
        var platform = fixture.Platform(environment, http, log.Enqueue);
        (await BlueGreenFixture.Deployer(platform, http, log.Enqueue).RunAsync(BlueGreenFixture.Request(fixture.V1, "v1"), CancellationToken.None))
            .Outcome.Should().Be(RecordedOutcome.Succeeded, string.Join("\n", log));

        string killedOutput;
        using (var driver = ChildProgram.Start("Tollgate.Deployment.Tests.dll", AppContext.BaseDirectory,
            ["blue-green-driver", environment.Release, environment.Url.Port.ToString(CultureInfo.InvariantCulture), fixture.Session, fixture.V2, "v2"]))
        {
            (await driver.WaitForLineAsync(l => l.StartsWith(killAfter, StringComparison.Ordinal), TimeSpan.FromMinutes(2)))
                .Should().BeTrue("the driver prints '{0}' ({1}); its output:\n{2}", killAfter, because, driver.Output);
            driver.HasExited.Should().BeFalse("the driver is killed mid-way ({0}); its output:\n{1}", because, driver.Output);
            await driver.KillGroupAsync(); // SIGKILL: no finally block, no cancellation, no cleanup runs.
            killedOutput = driver.Output;
        }

        killedOutput.Split('\n').Should().NotContain(l => l.StartsWith("outcome", StringComparison.Ordinal));
        var rerun = await BlueGreenFixture.Deployer(fixture.Platform(environment, http, log.Enqueue), http, log.Enqueue)
            .RunAsync(BlueGreenFixture.Request(fixture.V2, "v2"), CancellationToken.None);

        rerun.Outcome.Should().Be(RecordedOutcome.Succeeded, string.Join("\n", log));
        var containers = await ContainersAsync();
        containers.Count(c => c.Labels[LocalLabels.Role] == "router").Should().Be(1);
        var colours = containers.Where(c => c.Labels[LocalLabels.Role] == LocalBlueGreenPlatform.Role).ToList();
        colours.Select(c => c.Labels[LocalLabels.Colour]).Should().OnlyHaveUniqueItems().And.HaveCountLessThanOrEqualTo(2);
        containers.Should().HaveCount(1 + colours.Count, "only the router and the colour containers exist");
        colours.Where(c => c.IsRunning).Should().ContainSingle("one colour serves, the other is scaled down")
            .Which.Labels[LocalLabels.Colour].Should().Be(rerun.Colour.Label());
        var state = await fixture.Platform(environment, http, log.Enqueue).ReadStateAsync(CancellationToken.None);
        state.Active.Should().Be(rerun.Colour);
        using var health = await http.GetAsync(new Uri(environment.Url, "health"));
        health.IsSuccessStatusCode.Should().BeTrue();
        health.Headers.GetValues("X-Version").Should().Equal("v2");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() =>
        await fixture.Engine.RemoveByLabelAsync(LocalLabels.ReleaseFilter(environment.Release), includeImages: false, CancellationToken.None);

    public void Dispose() => http.Dispose();

    private async Task<List<Containers.ContainerDetails>> ContainersAsync()
    {
        var found = new List<Containers.ContainerDetails>();
        foreach (var id in await fixture.Engine.ListContainersAsync(LocalLabels.ReleaseFilter(environment.Release), CancellationToken.None))
        {
            found.Add((await fixture.Engine.InspectContainerAsync(id, CancellationToken.None))!);
        }

        return found;
    }
}
