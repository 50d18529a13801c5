using System.Collections.Concurrent;
using System.Diagnostics;
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

        var output = new ConcurrentQueue<string>();
        using (var driver = StartDriver(output))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (!output.Any(l => l.StartsWith(killAfter, StringComparison.Ordinal)) && !driver.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            driver.HasExited.Should().BeFalse("the driver is killed mid-way ({0}); its output:\n{1}", because, string.Join("\n", output));
            driver.Kill(); // SIGKILL on Unix: no finally block, no cancellation, no cleanup runs.
            await driver.WaitForExitAsync();
        }

        output.Should().NotContain(l => l.StartsWith("outcome", StringComparison.Ordinal));
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

    private Process StartDriver(ConcurrentQueue<string> output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Tollgate.Deployment.Tests.dll"), "blue-green-driver", environment.Release, environment.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), fixture.Session, fixture.V2, "v2" })
        {
            start.ArgumentList.Add(argument);
        }

        var driver = Process.Start(start)!;
        driver.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        driver.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        driver.BeginOutputReadLine();
        driver.BeginErrorReadLine();
        return driver;
    }

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
