using System.Net;
using Microsoft.AspNetCore.Http;
using Tollgate.Deployment.Tests.Support;

namespace Tollgate.Deployment.Tests.Router;

/// <summary>The real router (YARP) in process, in front of real Kestrel upstreams on 127.0.0.1.</summary>
public sealed class RouterTests
{
    [Fact]
    public async Task Without_a_live_upstream_the_public_port_answers_503_and_hides_the_admin_api()
    {
        await using var router = await InProcessRouter.StartAsync();

        using var response = await router.Http.GetAsync(new Uri(router.PublicUrl, "health"));
        using var admin = await router.Http.GetAsync(new Uri(router.PublicUrl, "admin/state"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        admin.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await router.Client.IsHealthyAsync(CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task Named_upstreams_are_previewed_before_they_are_live_and_switched_atomically()
    {
        await using var blue = await StubService.StartAsync((context, _) => context.Response.WriteAsync("blue " + context.Request.Path));
        await using var green = await StubService.StartAsync((context, _) => context.Response.WriteAsync("green " + context.Request.Path));
        await using var router = await InProcessRouter.StartAsync();
        var ct = CancellationToken.None;

        await router.Client.SetUpstreamAsync("blue", blue.Url, ct);
        await router.Client.SetUpstreamAsync("green", green.Url, ct);
        await router.Client.SwitchAsync("blue", ct);

        (await router.Http.GetStringAsync(new Uri(router.PublicUrl, "health"))).Should().Be("blue /health");
        (await router.Http.GetStringAsync(new Uri(router.Client.PreviewUrl("green"), "health"))).Should().Be("green /health");
        await router.Client.SwitchAsync("green", ct);
        (await router.Http.GetStringAsync(new Uri(router.PublicUrl, "query"))).Should().Be("green /query");
        var state = await router.Client.GetStateAsync(ct);
        state.Live.Should().Be("green");
        state.Upstreams.Select(u => u.Name).Should().Equal("blue", "green");
        (await router.Http.GetAsync(new Uri(router.Client.AdminUrl, "query"))).StatusCode.Should().Be(HttpStatusCode.NotFound, "the admin port proxies only previews");
    }

    [Fact]
    public async Task The_admin_api_refuses_bad_names_unknown_upstreams_and_removing_the_live_one()
    {
        await using var upstream = await StubService.StartAsync((context, _) => context.Response.WriteAsync("ok"));
        await using var router = await InProcessRouter.StartAsync();
        var ct = CancellationToken.None;

        await FluentActions.Awaiting(() => router.Client.SetUpstreamAsync("Blue_1", upstream.Url, ct)).Should().ThrowAsync<DeploymentException>().WithMessage("*HTTP 400*not an upstream name*");
        await FluentActions.Awaiting(() => router.Client.SwitchAsync("nope", ct)).Should().ThrowAsync<DeploymentException>().WithMessage("*HTTP 404*No upstream is named 'nope'*");
        await router.Client.SetUpstreamAsync("a", upstream.Url, ct);
        await router.Client.SwitchAsync("a", ct);
        await FluentActions.Awaiting(() => router.Client.RemoveUpstreamAsync("a", ct)).Should().ThrowAsync<DeploymentException>().WithMessage("*HTTP 409*'a' is live*");
        await router.Client.RemoveUpstreamAsync("absent", ct);
    }

    [Fact]
    public async Task A_request_in_flight_on_the_old_upstream_finishes_after_the_switch_and_is_counted_until_then()
    {
        var release = new TaskCompletionSource();
        await using var old = await StubService.StartAsync(async (context, _) => { await release.Task; await context.Response.WriteAsync("old"); });
        await using var next = await StubService.StartAsync((context, _) => context.Response.WriteAsync("new"));
        await using var router = await InProcessRouter.StartAsync();
        var ct = CancellationToken.None;
        await router.Client.SetUpstreamAsync("old", old.Url, ct);
        await router.Client.SetUpstreamAsync("new", next.Url, ct);
        await router.Client.SwitchAsync("old", ct);

        var slow = router.Http.GetStringAsync(new Uri(router.PublicUrl, "slow"));
        while ((await router.Client.GetStateAsync(ct)).Upstreams.Single(u => u.Name == "old").InFlight == 0)
        {
            await Task.Delay(20);
        }

        await router.Client.SwitchAsync("new", ct);
        (await router.Http.GetStringAsync(router.PublicUrl)).Should().Be("new");
        (await router.Client.WaitForDrainAsync("old", TimeSpan.FromMilliseconds(300), ct)).Should().BeFalse("the slow request is still in flight");
        release.SetResult();
        (await slow).Should().Be("old");
        (await router.Client.WaitForDrainAsync("old", TimeSpan.FromSeconds(10), ct)).Should().BeTrue();
    }

    [Fact]
    public async Task Repeated_switches_under_steady_load_fail_no_request()
    {
        await using var blue = await StubService.StartAsync((context, _) => context.Response.WriteAsync("blue"));
        await using var green = await StubService.StartAsync((context, _) => context.Response.WriteAsync("green"));
        await using var router = await InProcessRouter.StartAsync();
        var ct = CancellationToken.None;
        await router.Client.SetUpstreamAsync("blue", blue.Url, ct);
        await router.Client.SetUpstreamAsync("green", green.Url, ct);
        await router.Client.SwitchAsync("blue", ct);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var load = new LoadDriver(router.PublicUrl, workers: 4, maxRequests: 4000);

        var running = load.RunAsync(stop.Token);
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(50);
            await router.Client.SwitchAsync(i % 2 == 0 ? "green" : "blue", ct);
        }

        var result = await running;
        result.Failures.Should().Be(0, string.Join("\n", result.FailureSamples));
        result.Bodies.Should().Contain("blue").And.Contain("green");
        result.Succeeded.Should().BeGreaterThan(0);
    }
}
