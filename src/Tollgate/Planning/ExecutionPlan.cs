using System.Collections.Immutable;

namespace Tollgate;

/// <summary>
/// The targets a build runs, in a deterministic order that honours every edge (DependsOn, After/Before, Triggers), with
/// the skip decisions made before execution.
/// </summary>
/// <param name="Graph">The whole graph.</param>
/// <param name="Targets">The planned targets in execution order.</param>
/// <param name="Invoked">The invoked target names.</param>
public sealed record ExecutionPlan(TargetGraph Graph, ImmutableArray<PlannedTarget> Targets, ImmutableArray<string> Invoked)
{
    /// <summary>The planned target of that name, if it is in the plan.</summary>
    public PlannedTarget? Find(string name) => Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The names a planned target must wait for: its DependsOn, and its After and triggering targets when they are in
    /// the plan.
    /// </summary>
    public IEnumerable<string> Predecessors(PlannedTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var inPlan = Targets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var triggeredBy = Targets.Where(t => t.Spec.Triggers.Contains(target.Name)).Select(t => t.Name);
        return target.Spec.DependsOn.Concat(target.Spec.After).Concat(triggeredBy).Where(inPlan.Contains).Distinct(StringComparer.Ordinal);
    }
}
