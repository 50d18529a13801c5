using System.Collections.Immutable;

namespace Tollgate;

/// <summary>
/// Turns a request into an <see cref="ExecutionPlan"/>. The skip rules, in order:
/// <list type="number">
/// <item>An invoked target is never skipped by a cascade (only by naming it in <c>--skip</c> or by its own condition).</item>
/// <item><c>--skip X</c> skips X; a bare <c>--skip</c> skips every target that was not invoked.</item>
/// <item>A false <c>OnlyWhenStatic</c> condition skips the target; the condition's source text is the reason.</item>
/// <item>A skipped target's dependencies that nothing executing needs are skipped too, unless the skipped target says
/// <c>WhenSkipped(DependencyBehavior.Execute)</c>.</item>
/// <item>A skipped target fires no triggers: targets it triggers join the plan only through a target that executes.</item>
/// </list>
/// </summary>
internal static class Planner
{
    /// <summary>Plans a request against a graph.</summary>
    /// <exception cref="TollgateException">A cycle, an unknown target name, or no target to run.</exception>
    public static ExecutionPlan Plan(TargetGraph graph, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(request);
        CycleDetector.ThrowIfCyclic(graph);

        var invoked = Invoked(graph, request);
        var invokedSet = invoked.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var explicitSkips = (request.Skip ?? []).Select(name => graph.Get(name).Name).ToHashSet(StringComparer.Ordinal);
        var bareSkip = request.Skip is { Count: 0 };

        var included = new List<TargetSpec>();
        var includedSet = new HashSet<string>(StringComparer.Ordinal);
        var triggeredBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var staticReasons = new Dictionary<string, string?>(StringComparer.Ordinal);

        var pending = invoked.ToList();
        Dictionary<string, string> skipped;
        while (true)
        {
            IncludeWithDependencies(graph, pending, included, includedSet);
            foreach (var target in included.Where(t => !staticReasons.ContainsKey(t.Name)))
            {
                staticReasons[target.Name] = StaticSkipReason(target, invokedSet, explicitSkips, bareSkip);
            }

            skipped = Cascade(graph, included, invokedSet, staticReasons);
            pending = [];
            foreach (var source in included.Where(t => !skipped.ContainsKey(t.Name)))
            {
                foreach (var name in source.Triggers.Where(n => !includedSet.Contains(n) && !pending.Exists(p => p.Name == n)))
                {
                    triggeredBy[name] = source.Name;
                    pending.Add(graph.Get(name));
                }
            }

            if (pending.Count == 0)
            {
                break;
            }
        }

        var ordered = Order(graph, invoked, included, triggeredBy);
        var planned = ordered.Select(t => new PlannedTarget(
            t,
            skipped.ContainsKey(t.Name),
            skipped.GetValueOrDefault(t.Name),
            invokedSet.Contains(t.Name),
            triggeredBy.GetValueOrDefault(t.Name)));
        return new ExecutionPlan(graph, [.. planned], [.. invoked.Select(t => t.Name)]);
    }

    /// <summary>The names of the targets a request invokes: its targets, else the graph's default target.</summary>
    /// <exception cref="TollgateException">An unknown target name, or no target and no default.</exception>
    public static IReadOnlyList<string> InvokedTargets(TargetGraph graph, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(request);
        return [.. Invoked(graph, request).Select(t => t.Name)];
    }

    private static List<TargetSpec> Invoked(TargetGraph graph, PlanRequest request)
    {
        if (request.Targets.Count > 0)
        {
            return [.. request.Targets.Select(graph.Get).DistinctBy(t => t.Name)];
        }

        if (graph.DefaultTarget is null)
        {
            var names = string.Join(", ", graph.Targets.Where(t => !t.Unlisted).Select(t => t.Name));
            throw new TollgateException($"No target was given and the build has no default target. Name one: ./build.sh <target>. Targets: {names}.");
        }

        return [graph.Get(graph.DefaultTarget)];
    }

    private static void IncludeWithDependencies(TargetGraph graph, List<TargetSpec> roots, List<TargetSpec> included, HashSet<string> includedSet)
    {
        var stack = new Stack<TargetSpec>(roots.AsEnumerable().Reverse());
        while (stack.Count > 0)
        {
            var target = stack.Pop();
            if (!includedSet.Add(target.Name))
            {
                continue;
            }

            included.Add(target);
            foreach (var dependency in target.DependsOn.Reverse())
            {
                stack.Push(graph.Get(dependency));
            }
        }
    }

    private static string? StaticSkipReason(TargetSpec target, HashSet<string> invoked, HashSet<string> explicitSkips, bool bareSkip)
    {
        if (explicitSkips.Contains(target.Name))
        {
            return "--skip";
        }

        if (bareSkip && !invoked.Contains(target.Name))
        {
            return "--skip (not invoked)";
        }

        foreach (var condition in target.StaticConditions)
        {
            bool holds;
            try
            {
                holds = condition.Evaluate();
            }
            catch (Exception exception) when (exception is not TollgateException)
            {
                throw new TollgateException($"Target '{target.Name}': evaluating OnlyWhenStatic({condition.Text}) threw {exception.GetType().Name}: {exception.Message}", exception);
            }

            if (!holds)
            {
                return $"condition false: {condition.Text}";
            }
        }

        return null;
    }

    /// <summary>Applies the static skips and cascades them to dependencies nothing executing needs.</summary>
    private static Dictionary<string, string> Cascade(TargetGraph graph, List<TargetSpec> included, HashSet<string> invoked, Dictionary<string, string?> staticReasons)
    {
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var target in included)
        {
            if (staticReasons[target.Name] is { } reason)
            {
                skipped[target.Name] = reason;
            }
        }

        // needers[d] = dependents of d in the plan that still need it: executing, or skipped with WhenSkipped(Execute).
        var needers = included.ToDictionary(t => t.Name, _ => 0, StringComparer.Ordinal);
        var dependents = included.ToDictionary(t => t.Name, _ => 0, StringComparer.Ordinal);
        foreach (var target in included)
        {
            var needs = !skipped.ContainsKey(target.Name) || target.WhenSkipped == DependencyBehavior.Execute;
            foreach (var dependency in target.DependsOn)
            {
                dependents[dependency]++;
                needers[dependency] += needs ? 1 : 0;
            }
        }

        var skippedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var target in included)
        {
            if (skipped.ContainsKey(target.Name) && target.WhenSkipped == DependencyBehavior.Skip)
            {
                foreach (var dependency in target.DependsOn)
                {
                    skippedBy.TryAdd(dependency, target.Name);
                }
            }
        }

        var work = new Queue<string>(included.Select(t => t.Name));
        while (work.Count > 0)
        {
            var name = work.Dequeue();
            if (skipped.ContainsKey(name) || invoked.Contains(name) || dependents[name] == 0 || needers[name] > 0)
            {
                continue;
            }

            skipped[name] = $"only needed by skipped {skippedBy.GetValueOrDefault(name, "targets")}";
            var target = graph.Get(name);
            if (target.WhenSkipped == DependencyBehavior.Execute)
            {
                continue;
            }

            foreach (var dependency in target.DependsOn)
            {
                needers[dependency]--;
                skippedBy.TryAdd(dependency, name);
                work.Enqueue(dependency);
            }
        }

        return skipped;
    }

    /// <summary>
    /// A topological order over DependsOn, After (when both are planned) and Triggers, breaking ties by a depth-first
    /// order from the invoked targets so the plan reads naturally and never depends on hash order.
    /// </summary>
    private static List<TargetSpec> Order(TargetGraph graph, List<TargetSpec> invoked, List<TargetSpec> included, Dictionary<string, string> triggeredBy)
    {
        var inPlan = included.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(TargetSpec root)
        {
            var stack = new Stack<(TargetSpec Target, bool Expanded)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (target, expanded) = stack.Pop();
                if (rank.ContainsKey(target.Name))
                {
                    continue;
                }

                if (expanded)
                {
                    rank[target.Name] = rank.Count;
                    continue;
                }

                stack.Push((target, true));
                foreach (var dependency in target.DependsOn.Concat(target.After).Where(inPlan.Contains).Reverse())
                {
                    if (!rank.ContainsKey(dependency))
                    {
                        stack.Push((graph.Get(dependency), false));
                    }
                }
            }
        }

        foreach (var target in invoked.Concat(included.Where(t => triggeredBy.ContainsKey(t.Name))).Concat(included))
        {
            Visit(target);
        }

        var waitingOn = included.ToDictionary(t => t.Name, _ => 0, StringComparer.Ordinal);
        var successors = included.ToDictionary(t => t.Name, _ => new List<string>(), StringComparer.Ordinal);
        var triggerSources = included
            .SelectMany(s => s.Triggers.Where(inPlan.Contains).Select(t => (Triggered: t, Source: s.Name)))
            .ToLookup(p => p.Triggered, p => p.Source, StringComparer.Ordinal);
        foreach (var target in included)
        {
            var predecessors = target.DependsOn.Concat(target.After).Where(inPlan.Contains)
                .Concat(triggerSources[target.Name])
                .Distinct(StringComparer.Ordinal);
            foreach (var predecessor in predecessors)
            {
                waitingOn[target.Name]++;
                successors[predecessor].Add(target.Name);
            }
        }

        var ready = new PriorityQueue<string, int>();
        foreach (var target in included.Where(t => waitingOn[t.Name] == 0))
        {
            ready.Enqueue(target.Name, rank[target.Name]);
        }

        var order = new List<TargetSpec>(included.Count);
        while (ready.TryDequeue(out var name, out _))
        {
            order.Add(graph.Get(name));
            foreach (var successor in successors[name])
            {
                if (--waitingOn[successor] == 0)
                {
                    ready.Enqueue(successor, rank[successor]);
                }
            }
        }

        return order;
    }
}
