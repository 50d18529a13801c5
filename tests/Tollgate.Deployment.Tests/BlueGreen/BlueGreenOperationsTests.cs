using Tollgate.Deployment.BlueGreen;

namespace Tollgate.Deployment.Tests.BlueGreen;

public class BlueGreenOperationsTests
{
    /// <summary>A platform whose state is a record the operations change; it logs every call.</summary>
    private sealed class FakePlatform(BlueGreenState state) : IBlueGreenPlatform
    {
        public BlueGreenState State { get; private set; } = state;

        public List<string> Calls { get; } = [];

        public string? ScaleUpProblem { get; init; }

        public Uri StableUrl { get; } = new("http://127.0.0.1:1/");

        public Uri PreviewUrl { get; } = new("http://127.0.0.1:2/");

        public Task<BlueGreenState> ReadStateAsync(CancellationToken cancellationToken) => Task.FromResult(State);

        public Task<string?> DeployAsync(Colour colour, ImageReference image, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task PreviewAsync(Colour colour, CancellationToken cancellationToken) => Do($"preview {colour.Label()}", State with { Preview = colour });

        public Task SwitchAsync(Colour colour, CancellationToken cancellationToken) => Do($"switch {colour.Label()}", State with { Active = colour });

        public Task ScaleDownAsync(Colour colour, CancellationToken cancellationToken) =>
            Do($"scale-down {colour.Label()}", State with { Colours = [.. State.Colours.Select(c => c.Colour == colour ? c with { Replicas = 0 } : c)] });

        public async Task<string?> ScaleUpAsync(Colour colour, CancellationToken cancellationToken)
        {
            await Do($"scale-up {colour.Label()}", State with { Colours = [.. State.Colours.Select(c => c.Colour == colour ? c with { Replicas = 2 } : c)] });
            return ScaleUpProblem;
        }

        public Task RemoveAsync(Colour colour, CancellationToken cancellationToken) =>
            Do($"remove {colour.Label()}", State with { Colours = [.. State.Colours.Where(c => c.Colour != colour)] });

        private Task Do(string call, BlueGreenState next)
        {
            Calls.Add(call);
            State = next;
            return Task.CompletedTask;
        }
    }

    private static BlueGreenState State(Colour? active, Colour? preview, int blue, int green) =>
        new(active, [new ColourState(Colour.Blue, "repo@sha256:b", blue), new ColourState(Colour.Green, "repo@sha256:g", green)], preview);

    [Fact]
    public async Task Promote_switches_to_the_previewed_candidate_and_scales_the_old_colour_down()
    {
        var platform = new FakePlatform(State(Colour.Blue, Colour.Green, 3, 3));
        var line = await new BlueGreenOperations(platform, _ => { }).PromoteAsync(CancellationToken.None);

        platform.Calls.Should().Equal("switch green", "scale-down blue");
        line.Should().Be("promoted green; blue scaled down");
    }

    [Fact]
    public async Task Promote_after_a_paused_promotion_scales_down_the_colour_kept_warm()
    {
        var platform = new FakePlatform(State(Colour.Green, Colour.Green, 3, 3));
        await new BlueGreenOperations(platform, _ => { }).PromoteAsync(CancellationToken.None);

        platform.Calls.Should().Equal("scale-down blue");
    }

    [Fact]
    public async Task Promote_with_nothing_pending_says_what_it_acts_on()
    {
        var platform = new FakePlatform(State(Colour.Green, Colour.Green, 0, 3));
        var act = () => new BlueGreenOperations(platform, _ => { }).PromoteAsync(CancellationToken.None);

        await act.Should().ThrowAsync<DeploymentException>().WithMessage("Nothing to promote: active green (repo@sha256:g, 3 running); blue (repo@sha256:b, scaled down).*");
        platform.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Abort_removes_the_candidate_and_points_the_preview_back_at_production()
    {
        var platform = new FakePlatform(State(Colour.Blue, Colour.Green, 3, 3));
        await new BlueGreenOperations(platform, _ => { }).AbortAsync(CancellationToken.None);

        platform.Calls.Should().Equal("remove green", "preview blue");
        var again = () => new BlueGreenOperations(platform, _ => { }).AbortAsync(CancellationToken.None);
        await again.Should().ThrowAsync<DeploymentException>().WithMessage("Nothing to abort*./build.sh Rollback*");
    }

    [Fact]
    public async Task Rollback_scales_a_scaled_down_colour_up_before_switching_to_it()
    {
        var platform = new FakePlatform(State(Colour.Green, Colour.Green, 0, 3));
        var line = await new BlueGreenOperations(platform, _ => { }).RollbackAsync(CancellationToken.None);

        platform.Calls.Should().Equal("scale-up blue", "switch blue", "preview blue", "scale-down green");
        line.Should().Be("rolled back from green to blue (repo@sha256:b); green scaled down");
    }

    [Fact]
    public async Task Rollback_to_a_colour_that_does_not_become_ready_leaves_production_alone()
    {
        var platform = new FakePlatform(State(Colour.Green, Colour.Green, 0, 3)) { ScaleUpProblem = "rollout timed out" };
        var act = () => new BlueGreenOperations(platform, _ => { }).RollbackAsync(CancellationToken.None);

        await act.Should().ThrowAsync<DeploymentException>().WithMessage("Rollback stopped: blue did not become ready (rollout timed out); production stays on green.");
        platform.Calls.Should().Equal("scale-up blue");
    }

    [Fact]
    public async Task Rollback_without_another_colour_is_refused()
    {
        var platform = new FakePlatform(new BlueGreenState(Colour.Blue, [new ColourState(Colour.Blue, "repo@sha256:b", 3)], Colour.Blue));
        var act = () => new BlueGreenOperations(platform, _ => { }).RollbackAsync(CancellationToken.None);
        await act.Should().ThrowAsync<DeploymentException>().WithMessage("Nothing to roll back to*");
    }

    [Fact]
    public void The_state_names_the_first_colour_blue_and_describes_itself()
    {
        new BlueGreenState(null, []).Idle.Should().Be(Colour.Blue);
        new BlueGreenState(null, []).Describe().Should().Be("no active colour");
        State(Colour.Blue, Colour.Blue, 3, 0).Idle.Should().Be(Colour.Green);
        Colours.Parse("purple").Should().BeNull();
    }
}
