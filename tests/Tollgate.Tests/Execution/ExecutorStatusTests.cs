using static Tollgate.Tests.TestSupport.ExecutorHarness;
using static Tollgate.Tests.TestSupport.Graphs;

namespace Tollgate.Tests.Execution;

public sealed class ExecutorStatusTests
{
    private readonly TestSupport.ExecutorHarness _harness = new();

    [Fact]
    public async Task Successful_targets_succeed_and_collective_targets_are_marked_so()
    {
        var graph = Of(Action("A", () => { }), Spec("All", "A"));
        var report = await _harness.RunAsync(Plan(graph, ["All"]));
        Statuses(report).Should().Equal(new Dictionary<string, TargetStatus> { ["A"] = TargetStatus.Succeeded, ["All"] = TargetStatus.Collective });
        report.Succeeded.Should().BeTrue();
        report.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task A_failure_marks_dependents_not_run_and_fails_the_build_with_its_message()
    {
        var graph = Of(Action("A", () => throw new TollgateException("bad input in a.txt line 3")), Action("B", () => { }, "A"));
        var report = await _harness.RunAsync(Plan(graph, ["B"]));
        report.Targets[0].Should().Be(report.Targets[0] with { Status = TargetStatus.Failed, Note = "bad input in a.txt line 3" });
        report.Targets[1].Status.Should().Be(TargetStatus.NotRun);
        report.ExitCode.Should().Be(1);
        _harness.Output.Should().Contain("bad input in a.txt line 3");
    }

    [Fact]
    public async Task Planned_skips_keep_their_reason()
    {
        var graph = Of(Action("A", () => { }), Action("B", () => { }, "A"));
        var report = await _harness.RunAsync(Plan(graph, ["B"], ["A"]));
        report.Targets[0].Should().BeEquivalentTo(new { Name = "A", Status = TargetStatus.Skipped, Note = "--skip" });
        report.Targets[1].Status.Should().Be(TargetStatus.Succeeded);
    }

    [Fact]
    public async Task A_false_dynamic_condition_skips_with_its_text_after_dependencies_ran()
    {
        var ran = false;
        var graph = Of(
            Action("A", () => ran = true),
            Action("B", () => { }, "A") with { DynamicConditions = [new TargetCondition(() => !ran, "() => !ran")] });
        var report = await _harness.RunAsync(Plan(graph, ["B"]));
        report.Targets[1].Should().BeEquivalentTo(new { Status = TargetStatus.Skipped, Note = "condition false: () => !ran" });
    }

    [Fact]
    public async Task A_target_skipped_at_run_time_fires_no_triggers()
    {
        var notified = false;
        var graph = Of(
            Action("A", () => { }) with { DynamicConditions = [new TargetCondition(() => false, "never")], Triggers = ["Notify"] },
            Action("Notify", () => notified = true));
        var report = await _harness.RunAsync(Plan(graph, ["A"]));
        notified.Should().BeFalse();
        Statuses(report)["Notify"].Should().Be(TargetStatus.Skipped);
    }

    [Fact]
    public async Task A_target_that_succeeds_fires_its_triggers()
    {
        var order = new List<string>();
        var graph = Of(Action("A", () => order.Add("A")) with { Triggers = ["Notify"] }, Action("Notify", () => order.Add("Notify")));
        await _harness.RunAsync(Plan(graph, ["A"]));
        order.Should().Equal("A", "Notify");
    }

    [Fact]
    public async Task ProceedAfterFailure_lets_independent_targets_still_run()
    {
        var graph = Of(
            Action("Flaky", () => throw new InvalidOperationException("boom")) with { ProceedAfterFailure = true },
            Action("Other", () => { }, "Gate"),
            Action("Gate", () => { }) with { After = ["Flaky"] },
            Spec("All", "Flaky", "Other"));
        var report = await _harness.RunAsync(Plan(graph, ["All"]), new ExecutorOptions { MaxParallel = 1 });
        var statuses = Statuses(report);
        statuses["Flaky"].Should().Be(TargetStatus.Failed);
        statuses["Gate"].Should().Be(TargetStatus.Succeeded);
        statuses["Other"].Should().Be(TargetStatus.Succeeded);
        statuses["All"].Should().Be(TargetStatus.NotRun);
        report.Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task Without_ProceedAfterFailure_nothing_new_is_scheduled_but_assured_targets_run()
    {
        var graph = Of(
            Action("Fails", () => throw new InvalidOperationException("boom")),
            Action("Later", () => { }) with { After = ["Fails"] },
            Action("Cleanup", () => { }, "Fails") with { AssuredAfterFailure = true },
            Spec("All", "Fails", "Later", "Cleanup"));
        var report = await _harness.RunAsync(Plan(graph, ["All"]), new ExecutorOptions { MaxParallel = 1 });
        var statuses = Statuses(report);
        statuses["Later"].Should().Be(TargetStatus.NotRun);
        statuses["Cleanup"].Should().Be(TargetStatus.Succeeded);
        report.Targets.Single(t => t.Name == "Later").Note.Should().Be("build stopped after Fails failed");
    }

    [Fact]
    public async Task Statuses_are_reported_in_plan_order_in_the_summary()
    {
        var graph = Of(Action("Alpha", () => { }), Action("Beta", () => { }, "Alpha"));
        var report = await _harness.RunAsync(Plan(graph, ["Beta"]));
        _harness.Host.WriteSummary(report);
        var summary = _harness.Output[_harness.Output.LastIndexOf("Target", StringComparison.Ordinal)..];
        summary.Should().Contain("Build succeeded");
        summary.IndexOf("Alpha", StringComparison.Ordinal).Should().BeLessThan(summary.IndexOf("Beta", StringComparison.Ordinal));
    }
}
