using System.Net.Http.Json;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Tests.Support;
using Tollgate.TestSupport;
using Xunit.Abstractions;

namespace Tollgate.Deployment.Tests.Local;

/// <summary>
/// Steady load through one environment's router while separate deploy processes (tests/Tollgate.Deployment.TestDriver)
/// run one after the other, as consecutive builds would: no request may fail.
/// </summary>
[Collection(LocalGroup.Name)]
public sealed class RedeployRunsUnderLoadTests(LocalFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const int RequestsPerSecond = 40;
    private DeploymentEnvironment? environment;

    [RequiresEngineFact]
    public async Task Two_consecutive_deploy_runs_under_a_steady_load_fail_no_request()
    {
        environment = fixture.NewEnvironment();
        var setup = await DeployProcess.RunAsync(environment, fixture.Good, "v1", fixture.Session);
        setup.ExitCode.Should().Be(0, setup.Output);

        using var stop = new CancellationTokenSource();
        // Alternating GET /health (its body names the version that answered) and POST /query.
        var load = new PacedLoad(RequestsPerSecond, i => i % 2 == 0
            ? new HttpRequestMessage(HttpMethod.Get, new Uri(environment.Url, "health"))
            : new HttpRequestMessage(HttpMethod.Post, new Uri(environment.Url, "query")) { Content = JsonContent.Create(new { question = "How much does the Team plan cost per seat per month?" }) });
        var running = load.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var second = await DeployProcess.RunAsync(environment, fixture.Second, "v2", fixture.Session);
        var third = await DeployProcess.RunAsync(environment, fixture.Good, "v1", fixture.Session);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        var samples = await running;
        output.WriteLine($"steady load across two deploy runs (v1 -> v2 -> v1) at {RequestsPerSecond} req/s: {samples.Describe()}");

        second.ExitCode.Should().Be(0, second.Output);
        third.ExitCode.Should().Be(0, third.Output);
        samples.Should().NotBeEmpty().And.NotContain(s => s.Failed, samples.FirstFailures());
        samples.VersionsInOrder().Should().Equal(["v1", "v2", "v1"], "the load saw each run's release take over in turn");
        (await LocalReleases.ReleasesAsync(fixture.Engine, environment)).Should().ContainSingle().Which.Image.Should().Be(fixture.Good);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (environment is not null)
        {
            await fixture.Engine.RemoveByLabelAsync(LocalLabels.ReleaseFilter(environment.Release), includeImages: false, CancellationToken.None);
        }
    }
}
