using Tollgate.Tests.TestSupport;
using static Tollgate.Tests.TestSupport.ExecutorHarness;
using static Tollgate.Tests.TestSupport.Graphs;

namespace Tollgate.Tests.Execution;

public sealed class ThrowingConditionTests : IDisposable
{
    private readonly ExecutorHarness _harness = new();
    private readonly BuildFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task A_throwing_dynamic_condition_fails_its_target_with_the_message_and_assured_targets_still_run()
    {
        var cleanedUp = false;
        var graph = Of(
            Action("A", () => { }) with { DynamicConditions = [new TargetCondition(() => throw new InvalidOperationException("no release notes"), "() => Notes.Any()")] },
            Action("B", () => { }, "A"),
            Action("Cleanup", () => cleanedUp = true) with { AssuredAfterFailure = true, After = ["A"] });
        var report = await _harness.RunAsync(Plan(graph, ["B", "Cleanup"]));

        Statuses(report).Should().Equal(new Dictionary<string, TargetStatus>
        {
            ["A"] = TargetStatus.Failed,
            ["B"] = TargetStatus.NotRun,
            ["Cleanup"] = TargetStatus.Succeeded,
        });
        report.Targets[0].Note.Should().Be("The condition () => Notes.Any() threw: InvalidOperationException: no release notes");
        cleanedUp.Should().BeTrue();
        _harness.Output.Should().Contain("The condition () => Notes.Any() threw: InvalidOperationException: no release notes");
    }

    [Fact]
    public async Task A_throwing_dynamic_condition_aborts_a_running_target_and_waits_for_it()
    {
        using var started = new SemaphoreSlim(0);
        var graph = Of(
            Action("Slow", async ct =>
            {
                started.Release();
                await Task.Delay(Timeout.Infinite, ct);
            }),
            Action("WaitForSlow", ct => started.WaitAsync(ct)),
            Action("Gate", () => { }, "WaitForSlow") with { DynamicConditions = [new TargetCondition(() => throw new TollgateException("gate closed"), "gate")] });
        var report = await _harness.RunAsync(Plan(graph, ["Slow", "Gate"]), new ExecutorOptions { MaxParallel = 3 }).WaitAsync(TimeSpan.FromSeconds(60));

        Statuses(report)["Gate"].Should().Be(TargetStatus.Failed);
        Statuses(report)["Slow"].Should().Be(TargetStatus.Aborted);
    }

    [Fact]
    public async Task A_throwing_dynamic_condition_in_a_build_names_the_target_not_the_engine()
    {
        var build = new ConditionalBuild { ThrowInCondition = true };
        (await _fixture.RunAsync(build, null, "Publish", "Report")).Should().Be(1);
        _fixture.Output.Should().Contain("release notes are missing")
            .And.NotContain("Unexpected error")
            .And.NotContain("(before targets)");
        _fixture.Output.TrimEnd().Should().EndWith("Build failed");
        build.Ran.Should().Equal("Report");
    }

    [Fact]
    public async Task OnlyWhenStatic_can_read_the_invoked_targets()
    {
        var build = new ConditionalBuild();
        (await _fixture.RunAsync(build, null, "Package")).Should().Be(0);
        build.Ran.Should().Equal("Package");
    }

    [Fact]
    public async Task A_target_not_invoked_sees_itself_missing_from_the_invoked_targets()
    {
        var build = new ConditionalBuild();
        (await _fixture.RunAsync(build, null, "Publish")).Should().Be(0);
        build.Ran.Should().Equal("Publish");
        _fixture.Output.Should().Contain("condition false: () => InvokedTargets.Contains(\"Package\")");
    }
}

/// <summary>Conditions that read the invocation and one that throws.</summary>
public sealed class ConditionalBuild : TollgateBuild
{
    public List<string> Ran { get; } = [];

    public bool ThrowInCondition { get; set; }

    public Target Package => _ => _
        .OnlyWhenStatic(() => InvokedTargets.Contains("Package"))
        .Executes(() => Ran.Add("Package"));

    public Target Publish => _ => _
        .DependsOn(Package)
        .OnlyWhenDynamic(() => ThrowInCondition ? throw new TollgateException("release notes are missing") : true)
        .Executes(() => Ran.Add("Publish"));

    public Target Report => _ => _
        .After(Publish, Package)
        .AssuredAfterFailure()
        .Executes(() => Ran.Add("Report"));
}
