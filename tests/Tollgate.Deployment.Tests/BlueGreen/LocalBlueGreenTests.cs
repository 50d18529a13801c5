using System.Globalization;
using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Analysis.Providers;
using Tollgate.Deployment.BlueGreen;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Records;
using Tollgate.Deployment.Tests.Support;
using Tollgate.TestSupport;
using Xunit.Abstractions;

namespace Tollgate.Deployment.Tests.BlueGreen;

/// <summary>Blue-green on the real Docker engine: two colour containers behind the real router image, real HTTP load.</summary>
[Collection(BlueGreenGroup.Name)]
public sealed partial class LocalBlueGreenTests(BlueGreenFixture fixture, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly List<string> log = [];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly TestEnvironments environments = new();

    [RequiresEngineFact]
    public async Task Two_runs_with_two_images_switch_colours_and_Rollback_returns_to_the_first_from_the_live_state()
    {
        var environment = New();
        var platform = fixture.Platform(environment, http, Log);

        var first = await BlueGreenFixture.Deployer(platform, http, Log).RunAsync(BlueGreenFixture.Request(fixture.V1, "v1"), CancellationToken.None);
        var second = await BlueGreenFixture.Deployer(platform, http, Log).RunAsync(BlueGreenFixture.Request(fixture.V2, "v2"), CancellationToken.None);

        first.Outcome.Should().Be(RecordedOutcome.Succeeded, Why());
        first.Colour.Should().Be(Colour.Blue);
        second.Outcome.Should().Be(RecordedOutcome.Succeeded, Why());
        second.Colour.Should().Be(Colour.Green);
        second.Previous.Should().Be(Colour.Blue);
        (await VersionAt(environment.Url)).Should().Be("v2");
        // A new platform object knows nothing but what the router and the labels say.
        var state = await fixture.Platform(environment, http, Log).ReadStateAsync(CancellationToken.None);
        state.Active.Should().Be(Colour.Green);
        state.Of(Colour.Blue)!.IsRunning.Should().BeFalse("blue is scaled down after the delay");
        state.Of(Colour.Green)!.Image.Should().EndWith(fixture.V2);

        var rolledBack = await new BlueGreenOperations(fixture.Platform(environment, http, Log), Log).RollbackAsync(CancellationToken.None);

        rolledBack.Should().Contain("rolled back from green to blue");
        (await VersionAt(environment.Url)).Should().Be("v1");
        (await Colours(environment)).Should().BeEquivalentTo(new[] { ("blue", true), ("green", false) });
    }

    [RequiresEngineFact]
    public async Task A_blue_to_green_switch_under_200_requests_a_second_loses_no_request()
    {
        var environment = New();
        var platform = fixture.Platform(environment, http, Log);
        (await BlueGreenFixture.Deployer(platform, http, Log).RunAsync(BlueGreenFixture.Request(fixture.V1, "v1"), CancellationToken.None)).Outcome.Should().Be(RecordedOutcome.Succeeded, Why());

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var load = new PacedLoad(new Uri(environment.Url, "query"), 200).RunAsync(stop.Token);
        await Task.Delay(2000);
        var request = BlueGreenFixture.Request(fixture.V2, "v2", TimeSpan.FromSeconds(2)) with { PostPromotion = BlueGreenFixture.ErrorRate(http, "post-promotion", 3, TimeSpan.FromSeconds(1)) };
        var result = await BlueGreenFixture.Deployer(platform, http, Log).RunAsync(request, CancellationToken.None);
        var finished = clock.Elapsed;
        await Task.Delay(2000);
        await stop.CancelAsync();
        var samples = await load;

        result.Outcome.Should().Be(RecordedOutcome.Succeeded, Why());
        var failed = samples.Where(s => s.Failed).ToList();
        var seconds = (samples[^1].SentAt - samples[0].SentAt).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"blue->green under load: {samples.Count} requests in {seconds:0.0} s ({samples.Count / seconds:0} req/s), {failed.Count} failed; v1 answered {samples.Count(s => s.Version == "v1")}, v2 answered {samples.Count(s => s.Version == "v2")}"));
        failed.Should().BeEmpty(string.Join("\n", failed.Take(5).Select(f => $"{f.SentAt}: {f.Status} {f.Error}")));
        samples.Should().Contain(s => s.Version == "v1").And.Contain(s => s.Version == "v2");
        samples.Where(s => s.SentAt > finished).Should().NotBeEmpty().And.OnlyContain(s => s.Version == "v2", "once the run is over only green serves");
    }

    [RequiresEngineFact]
    public async Task A_version_that_fails_after_promotion_is_caught_by_post_promotion_analysis_and_traffic_returns_to_the_old_colour()
    {
        var environment = New();
        var platform = fixture.Platform(environment, http, Log);
        (await BlueGreenFixture.Deployer(platform, http, Log).RunAsync(BlueGreenFixture.Request(fixture.V1, "v1"), CancellationToken.None)).Outcome.Should().Be(RecordedOutcome.Succeeded, Why());

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var load = new PacedLoad(new Uri(environment.Url, "query"), 200).RunAsync(stop.Token);
        await Task.Delay(1000);
        var request = BlueGreenFixture.Request(fixture.BreaksUnderLoad, "breaks") with { PostPromotion = BlueGreenFixture.ErrorRate(http, "post-promotion", 30, TimeSpan.FromSeconds(2)) };
        var result = await BlueGreenFixture.Deployer(platform, http, Log).RunAsync(request, CancellationToken.None);
        await Task.Delay(2000);
        await stop.CancelAsync();
        var samples = await load;

        result.Outcome.Should().Be(RecordedOutcome.RolledBack, Why());
        result.Reason.Should().Contain("post-promotion analysis failed");
        var errors = samples.Where(s => s.Status == 500).ToList();
        errors.Should().NotBeEmpty("the new version answered 500 once promoted");
        var firstError = errors.Min(s => s.AnsweredAt);
        var lastError = errors.Max(s => s.AnsweredAt);
        var backOnV1 = samples.Where(s => s.Version == "v1" && s.SentAt > lastError).Select(s => s.AnsweredAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rollback: first 500 at {firstError.TotalSeconds:0.00} s, last 500 at {lastError.TotalSeconds:0.00} s: {(lastError - firstError).TotalSeconds:0.00} s of failures ({errors.Count} requests) until traffic was back on v1; deployer: switch back {result.RollbackLatency!.Value.TotalSeconds:0.00} s after the failing measurement"));
        samples.Where(s => s.SentAt > lastError).Should().OnlyContain(s => s.Version == "v1" && !s.Failed);
        backOnV1.Should().BeLessThan(TimeSpan.MaxValue, "v1 answered after the rollback");
        (await VersionAt(environment.Url)).Should().Be("v1");
        (await Colours(environment)).Should().BeEquivalentTo(new[] { ("blue", true) }, "the new colour is removed");
    }

    [RequiresEngineFact]
    public async Task A_version_that_fails_pre_promotion_analysis_never_receives_production_traffic()
    {
        var environment = New();
        var platform = fixture.Platform(environment, http, Log);
        (await BlueGreenFixture.Deployer(platform, http, Log).RunAsync(BlueGreenFixture.Request(fixture.V1, "v1"), CancellationToken.None)).Outcome.Should().Be(RecordedOutcome.Succeeded, Why());

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var load = new PacedLoad(new Uri(environment.Url, "query"), 50).RunAsync(stop.Token);
        var request = BlueGreenFixture.Request(fixture.Flaky, "flaky") with
        {
            PrePromotion = url => new AnalysisTemplate("pre-promotion",
            [
                new AnalysisMetric("quality", new QualityCheckProvider(new QueryingSampler(http, 10), url)) { SuccessCondition = MetricCondition.AtLeast(0.9) },
                .. BlueGreenFixture.ErrorRate(http, "pre", 2, TimeSpan.FromSeconds(1))(url).Metrics,
            ]),
            PostPromotion = BlueGreenFixture.ErrorRate(http, "post-promotion", 2, TimeSpan.FromSeconds(1)),
        };
        var result = await BlueGreenFixture.Deployer(platform, http, Log).RunAsync(request, CancellationToken.None);
        await stop.CancelAsync();
        var samples = await load;

        result.Outcome.Should().Be(RecordedOutcome.Failed, Why());
        result.Reason.Should().Contain("pre-promotion analysis failed");
        result.PromotedAt.Should().BeNull();
        result.PrePromotion!.Metrics.Should().Contain(m => m.Name == "quality" && m.Phase == MeasurementPhase.Failed);
        samples.Should().NotBeEmpty().And.OnlyContain(s => s.Version == "v1" && !s.Failed, "production never reached the flaky version");
        (await Colours(environment)).Should().BeEquivalentTo(new[] { ("blue", true) }, "the rejected colour is removed");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => environments.RemoveAllAsync(fixture.Engine);

    public void Dispose() => http.Dispose();

    private DeploymentEnvironment New() => environments.Add(BlueGreenFixture.NewEnvironment());

    private void Log(string line)
    {
        lock (log)
        {
            log.Add(line);
        }
    }

    private string Why()
    {
        lock (log)
        {
            return string.Join("\n", log);
        }
    }

    private async Task<string?> VersionAt(Uri url)
    {
        using var response = await http.GetAsync(new Uri(url, "health"));
        return response.Headers.TryGetValues("X-Version", out var values) ? values.First() : null;
    }

    /// <summary>Every container of the environment but the router: (colour, running).</summary>
    private async Task<List<(string Colour, bool Running)>> Colours(DeploymentEnvironment environment)
    {
        var colours = new List<(string, bool)>();
        foreach (var id in await fixture.Engine.ListContainersAsync(LocalLabels.ReleaseFilter(environment.Release), CancellationToken.None))
        {
            var details = await fixture.Engine.InspectContainerAsync(id, CancellationToken.None);
            if (details is not null && details.Labels[LocalLabels.Role] != "router")
            {
                colours.Add((details.Labels.GetValueOrDefault(LocalLabels.Colour, "?" + details.Name), details.IsRunning));
            }
        }

        return colours;
    }
}
