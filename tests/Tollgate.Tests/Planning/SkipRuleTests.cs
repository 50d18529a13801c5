using static Tollgate.Tests.TestSupport.Graphs;

namespace Tollgate.Tests.Planning;

public sealed class SkipRuleTests
{
    // Restore <- Compile <- Test <- Deploy, Lint <- Deploy
    private static TargetGraph Pipeline(DependencyBehavior testWhenSkipped = DependencyBehavior.Skip) => Of(
        Spec("Restore"),
        Spec("Compile", "Restore"),
        Spec("Test", "Compile") with { WhenSkipped = testWhenSkipped },
        Spec("Lint", "Restore"),
        Spec("Deploy", "Test", "Lint"));

    private static Dictionary<string, string?> Skips(ExecutionPlan plan) =>
        plan.Targets.Where(t => t.Skipped).ToDictionary(t => t.Name, t => t.SkipReason);

    [Fact]
    public void Skip_X_skips_X()
    {
        var skips = Skips(Plan(Pipeline(), ["Deploy"], ["Lint"]));
        skips.Should().ContainKey("Lint").WhoseValue.Should().Be("--skip");
        skips.Should().NotContainKey("Restore", "Compile still needs it");
    }

    [Fact]
    public void Bare_skip_skips_everything_not_invoked()
    {
        var plan = Plan(Pipeline(), ["Deploy"], []);
        Skips(plan).Keys.Should().BeEquivalentTo("Restore", "Compile", "Test", "Lint");
        plan.Find("Deploy")!.Skipped.Should().BeFalse();
    }

    [Fact]
    public void Bare_skip_keeps_every_invoked_target()
    {
        var plan = Plan(Pipeline(), ["Test", "Deploy"], []);
        plan.Find("Test")!.Skipped.Should().BeFalse();
        plan.Find("Deploy")!.Skipped.Should().BeFalse();
    }

    [Fact]
    public void Dependencies_of_a_skipped_target_that_nothing_else_needs_are_skipped()
    {
        var skips = Skips(Plan(Pipeline(), ["Deploy"], ["Test"]));
        skips.Keys.Should().BeEquivalentTo("Test", "Compile");
        skips["Compile"].Should().Be("only needed by skipped Test");
    }

    [Fact]
    public void A_dependency_still_needed_by_an_executing_target_runs()
    {
        // Restore is needed by Lint, which executes, even though Compile is cascaded away.
        Skips(Plan(Pipeline(), ["Deploy"], ["Test"])).Should().NotContainKey("Restore");
    }

    [Fact]
    public void The_cascade_goes_all_the_way_down()
    {
        var skips = Skips(Plan(Pipeline(), ["Deploy"], ["Test", "Lint"]));
        skips.Keys.Should().BeEquivalentTo("Test", "Lint", "Compile", "Restore");
    }

    [Fact]
    public void WhenSkipped_Execute_keeps_the_dependencies_of_a_skipped_target()
    {
        var skips = Skips(Plan(Pipeline(DependencyBehavior.Execute), ["Deploy"], ["Test"]));
        skips.Keys.Should().BeEquivalentTo("Test");
    }

    [Fact]
    public void An_invoked_target_is_never_skipped_by_cascade()
    {
        var skips = Skips(Plan(Pipeline(), ["Deploy", "Compile"], ["Test"]));
        skips.Keys.Should().BeEquivalentTo("Test");
    }

    [Fact]
    public void A_false_static_condition_skips_with_its_source_text_and_cascades()
    {
        var graph = Of(
            Spec("Restore"),
            Spec("Compile", "Restore") with { StaticConditions = [new TargetCondition(() => false, "() => IsServerBuild")] });
        var plan = Plan(graph, ["Compile"]);
        plan.Find("Compile")!.SkipReason.Should().Be("condition false: () => IsServerBuild");
        plan.Find("Compile")!.Skipped.Should().BeTrue();
        plan.Find("Restore")!.SkipReason.Should().Be("only needed by skipped Compile");
    }

    [Fact]
    public void A_skipped_target_fires_no_triggers()
    {
        var graph = Of(Spec("Compile") with { Triggers = ["Notify"] }, Spec("Notify"), Spec("Ci", "Compile"));
        Describe(Plan(graph, ["Ci"])).Should().Be("Compile, Ci, Notify");
        Describe(Plan(graph, ["Ci"], ["Compile"])).Should().Be("Compile(skip), Ci");
    }

    [Fact]
    public void A_triggered_target_brings_its_dependencies_and_runs_after_its_trigger()
    {
        var graph = Of(Spec("Compile") with { Triggers = ["Publish"] }, Spec("Pack"), Spec("Publish", "Pack"));
        var plan = Plan(graph, ["Compile"]);
        Describe(plan).Should().Be("Compile, Pack, Publish");
        plan.Find("Publish")!.TriggeredBy.Should().Be("Compile");
    }

    [Fact]
    public void A_dependency_needed_by_a_triggered_target_is_not_cascaded_away()
    {
        var graph = Of(Spec("Shared"), Spec("Skipped", "Shared"), Spec("Trigger") with { Triggers = ["Late"] }, Spec("Late", "Shared"), Spec("Ci", "Skipped", "Trigger"));
        var plan = Plan(graph, ["Ci"], ["Skipped"]);
        plan.Find("Shared")!.Skipped.Should().BeFalse();
        plan.Find("Late")!.Skipped.Should().BeFalse();
    }
}
