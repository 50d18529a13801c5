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
        return PredecessorsByTarget()[target.Name];
    }

    /// <summary>
    /// Every planned target's predecessors (see <see cref="Predecessors"/>) computed in one pass, for callers that need
    /// them all: asking target by target would scan the plan for triggers each time.
    /// </summary>
    public ILookup<string, string> PredecessorsByTarget()
    {
        var names = Targets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var pairs = new List<(string Target, string Predecessor)>();
        foreach (var planned in Targets)
        {
            pairs.AddRange(planned.Spec.DependsOn.Concat(planned.Spec.After).Where(names.Contains).Select(p => (planned.Name, p)));
            pairs.AddRange(planned.Spec.Triggers.Where(names.Contains).Select(triggered => (triggered, planned.Name)));
        }

        return pairs.Distinct().ToLookup(p => p.Target, p => p.Predecessor, StringComparer.Ordinal);
    }
}
