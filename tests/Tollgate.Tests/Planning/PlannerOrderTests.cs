using static Tollgate.Tests.TestSupport.Graphs;

namespace Tollgate.Tests.Planning;

public sealed class PlannerOrderTests
{
    [Fact]
    public void Dependencies_come_before_dependents_in_a_deterministic_order()
    {
        var graph = Of(Spec("Restore"), Spec("Compile", "Restore"), Spec("Test", "Compile"), Spec("Lint", "Restore"), Spec("Ci", "Test", "Lint"));
        var first = Describe(Plan(graph, ["Ci"]));
        first.Should().Be("Restore, Compile, Test, Lint, Ci");
        Enumerable.Range(0, 5).Select(_ => Describe(Plan(graph, ["Ci"]))).Should().AllBe(first);
    }

    [Fact]
    public void Targets_outside_the_invoked_closure_are_not_planned()
    {
        var graph = Of(Spec("A"), Spec("B", "A"), Spec("C"));
        Describe(Plan(graph, ["B"])).Should().Be("A, B");
    }

    [Fact]
    public void After_orders_only_when_both_are_planned()
    {
        var graph = Of(Spec("A"), Spec("B") with { After = ["A"] }, Spec("Both", "B", "A"));
        Describe(Plan(graph, ["Both"])).Should().Be("A, B, Both");
        Describe(Plan(graph, ["B"])).Should().Be("B");
    }

    [Fact]
    public void Several_invoked_targets_run_in_the_order_given_when_independent()
    {
        var graph = Of(Spec("A"), Spec("B"));
        Describe(Plan(graph, ["B", "A"])).Should().Be("B, A");
    }

    [Fact]
    public void The_default_target_runs_when_none_is_given()
    {
        var graph = new TargetGraph([Spec("A"), Spec("B", "A")], "B");
        Describe(Plan(graph, [])).Should().Be("A, B");
    }

    [Fact]
    public void No_target_and_no_default_is_an_error_listing_targets()
    {
        var act = () => Plan(Of(Spec("A"), Spec("B")), []);
        act.Should().Throw<TollgateException>().WithMessage("*no default target*Targets: A, B*");
    }

    [Fact]
    public void A_cycle_is_an_error_that_prints_it()
    {
        var graph = Of(Spec("Build", "Scan"), Spec("Scan", "Build"), Spec("Lint"));
        var act = () => Plan(graph, ["Lint"]);
        act.Should().Throw<TollgateException>().WithMessage("The targets form a cycle: Build -> Scan -> Build.*");
    }

    [Fact]
    public void A_cycle_through_ordering_and_trigger_edges_is_found_too()
    {
        var graph = Of(Spec("A") with { After = ["B"] }, Spec("B") with { Triggers = ["A"], After = ["A"] });
        var act = () => Plan(graph, ["A"]);
        act.Should().Throw<TollgateException>().WithMessage("*cycle: A -> B -> A*");
    }

    [Fact]
    public void An_unknown_target_is_an_error_listing_targets_and_the_closest_match()
    {
        var graph = Of(Spec("Compile"), Spec("DeployStaging"));
        var act = () => Plan(graph, ["DeployStagin"]);
        act.Should().Throw<TollgateException>().WithMessage("There is no target named 'DeployStagin'. Did you mean 'DeployStaging'?*Targets: Compile, DeployStaging*");
    }

    [Fact]
    public void An_unknown_skipped_target_is_an_error_too()
    {
        var act = () => Plan(Of(Spec("Compile")), ["Compile"], ["Compil"]);
        act.Should().Throw<TollgateException>().WithMessage("*'Compil'. Did you mean 'Compile'?*");
    }

    [Fact]
    public void Planning_a_long_chain_does_not_overflow_the_stack()
    {
        var specs = Enumerable.Range(0, 20_000).Select(i => i == 0 ? Spec("T0") : Spec($"T{i}", $"T{i - 1}")).ToArray();
        var plan = Plan(Of(specs), ["T19999"]);
        plan.Targets.Should().HaveCount(20_000);
        plan.Targets[0].Name.Should().Be("T0");
    }
}
