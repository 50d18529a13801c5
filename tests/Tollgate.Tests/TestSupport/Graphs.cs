namespace Tollgate.Tests.TestSupport;

/// <summary>Builds target graphs from specs for planner and executor tests.</summary>
public static class Graphs
{
    public static TargetSpec Spec(string name, params string[] dependsOn) => new() { Name = name, DependsOn = [.. dependsOn] };

    public static TargetGraph Of(params TargetSpec[] specs) => new(specs);

    public static ExecutionPlan Plan(TargetGraph graph, string[] targets, string[]? skip = null) =>
        Planner.Plan(graph, new PlanRequest(targets, skip));

    public static string Describe(ExecutionPlan plan) =>
        string.Join(", ", plan.Targets.Select(t => t.Skipped ? $"{t.Name}(skip)" : t.Name));
}
