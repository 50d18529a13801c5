using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>
/// Turns a workflow's invoked targets into jobs: the plan is the closure over DependsOn and Triggers; each target becomes
/// a job unless it shares one; a job needs the jobs of its targets' dependencies, of their After targets that are in the
/// plan, of the targets that trigger them and of the targets whose artifacts they consume. Order is deterministic:
/// topological, ties broken by declaration order.
/// </summary>
internal static class JobPlanner
{
    public static ImmutableArray<WorkflowJob> Plan(TargetGraph graph, GitHubWorkflow workflow)
    {
        if (workflow.InvokedTargets.IsEmpty)
        {
            throw new TollgateException($"Workflow '{workflow.Name}' invokes no targets. Pass target names: new GitHubWorkflow(\"{workflow.Name}\", nameof(Test)).");
        }

        var declarationIndex = graph.Targets.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var inPlan = Closure(graph, workflow.InvokedTargets.Select(name => graph.Get(name).Name));
        var edges = TargetEdges(graph, workflow, inPlan);
        RemoveCollectiveTargets(graph, workflow, inPlan, edges);

        var jobOf = inPlan.ToDictionary(name => name, name => JobKey(graph, name, inPlan), StringComparer.Ordinal);
        var members = jobOf.GroupBy(p => p.Value, p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var jobEdges = members.Keys.ToDictionary(
            job => job,
            job => members[job].SelectMany(t => edges[t]).Select(d => jobOf[d]).Where(d => d != job).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        int JobRank(string job) => members[job].Min(t => declarationIndex[t]);
        var jobOrder = TopologicalOrder(jobEdges, JobRank, cycle =>
            $"Workflow '{workflow.Name}': the jobs {string.Join(" -> ", cycle)} wait for each other because of SharesJobWith. Let the target run in its own job.");
        var position = jobOrder.Select((j, i) => (j, i)).ToDictionary(x => x.j, x => x.i, StringComparer.Ordinal);

        var targetsOf = members.Keys.ToDictionary(
            job => job,
            job =>
            {
                var within = members[job].ToDictionary(t => t, t => edges[t].Where(members[job].Contains).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
                return TopologicalOrder(within, t => declarationIndex[t], cycle => $"Targets {string.Join(" -> ", cycle)} depend on each other.");
            },
            StringComparer.Ordinal);
        var idOf = members.Keys.ToDictionary(job => job, job => members[job].Contains(job, StringComparer.Ordinal) ? job : targetsOf[job][0], StringComparer.Ordinal);

        return [.. jobOrder.Select(job => new WorkflowJob(
            idOf[job],
            [.. targetsOf[job].Select(t => graph.Get(t))],
            [.. jobEdges[job].OrderBy(j => position[j]).Select(j => idOf[j])],
            MatrixOf(workflow, idOf[job], members[job])))];
    }

    private static HashSet<string> Closure(TargetGraph graph, IEnumerable<string> invoked)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(invoked);
        while (pending.TryPop(out var name))
        {
            if (result.Add(name))
            {
                var spec = graph.Get(name);
                foreach (var next in spec.DependsOn.Concat(spec.Triggers))
                {
                    pending.Push(graph.Get(next).Name);
                }
            }
        }

        return result;
    }

    private static Dictionary<string, HashSet<string>> TargetEdges(TargetGraph graph, GitHubWorkflow workflow, HashSet<string> inPlan)
    {
        var edges = inPlan.ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var name in inPlan)
        {
            var spec = graph.Get(name);
            foreach (var dependency in spec.DependsOn.Select(d => graph.Get(d).Name))
            {
                edges[name].Add(dependency);
            }

            foreach (var before in spec.After.Select(a => graph.Get(a).Name).Where(inPlan.Contains))
            {
                edges[name].Add(before);
            }

            foreach (var triggered in spec.Triggers.Select(t => graph.Get(t).Name))
            {
                edges[triggered].Add(name);
            }

            foreach (var consumption in spec.Consumes)
            {
                var producer = graph.Get(consumption.ProducerTarget).Name;
                if (!inPlan.Contains(producer))
                {
                    throw new TollgateException(
                        $"Workflow '{workflow.Name}': target '{name}' consumes the artifacts of '{producer}', which this workflow does not run. " +
                        $"Add DependsOn({producer}) to '{name}' or invoke '{producer}' in the workflow.");
                }

                edges[name].Add(producer);
            }
        }

        return edges;
    }

    // A target without actions (an aggregate such as "Default") would be a job that sets up .NET to do nothing: it gets
    // no job, and what waited for it waits for its predecessors instead. One with job settings or artifacts keeps its job.
    private static void RemoveCollectiveTargets(TargetGraph graph, GitHubWorkflow workflow, HashSet<string> inPlan, Dictionary<string, HashSet<string>> edges)
    {
        var hosts = inPlan.Select(t => graph.Get(t).GetAnnotation<SharedJob>()?.HostTarget).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var collective = inPlan
            .Select(graph.Get)
            .Where(t => t.IsCollective && t.Annotations.IsEmpty && t.Produces.IsEmpty && t.Consumes.IsEmpty && !hosts.Contains(t.Name))
            .Select(t => t.Name)
            .ToList();
        foreach (var name in collective)
        {
            foreach (var waiting in edges.Values)
            {
                if (waiting.Remove(name))
                {
                    waiting.UnionWith(edges[name]);
                }
            }

            edges.Remove(name);
            inPlan.Remove(name);
        }

        if (inPlan.Count == 0)
        {
            throw new TollgateException(
                $"Workflow '{workflow.Name}' invokes only targets without actions ({string.Join(", ", collective)}), so it would have no jobs. Invoke targets that execute something.");
        }
    }

    // Follows SharesJobWith to the target whose job this one joins; a host outside the plan still groups its members.
    private static string JobKey(TargetGraph graph, string name, HashSet<string> inPlan)
    {
        var seen = new List<string> { name };
        var current = name;
        while (graph.Get(current).GetAnnotation<SharedJob>() is { } shared)
        {
            if (!graph.TryGet(shared.HostTarget, out var host))
            {
                throw new TollgateException($"Target '{current}' shares the job of '{shared.HostTarget}', which is not a target of this build.");
            }

            if (seen.Contains(host.Name, StringComparer.Ordinal))
            {
                throw new TollgateException($"SharesJobWith goes round in a circle: {string.Join(" -> ", seen.Append(host.Name))}. Remove one of them.");
            }

            seen.Add(host.Name);
            current = host.Name;
        }

        return current;
    }

    private static GitHubMatrix? MatrixOf(GitHubWorkflow workflow, string job, List<string> targets)
    {
        var matrices = workflow.Matrices.Where(m => m.Targets.Any(t => targets.Contains(t, StringComparer.OrdinalIgnoreCase))).Distinct().ToList();
        return matrices.Count switch
        {
            0 => null,
            1 => matrices[0],
            _ => throw new TollgateException($"Workflow '{workflow.Name}': job '{job}' ({string.Join(", ", targets)}) is in {matrices.Count} matrices. Give each job at most one matrix."),
        };
    }

    // Kahn's algorithm; among ready nodes the lowest rank goes first, so the order follows declaration order.
    private static List<string> TopologicalOrder(Dictionary<string, HashSet<string>> predecessors, Func<string, int> rank, Func<IEnumerable<string>, string> cycleMessage)
    {
        var remaining = predecessors.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        var successors = predecessors.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (node, before) in predecessors)
        {
            foreach (var predecessor in before)
            {
                successors[predecessor].Add(node);
            }
        }

        var ready = new PriorityQueue<string, (int, string)>(remaining.Where(r => r.Value == 0).Select(r => (r.Key, (rank(r.Key), r.Key))));
        var order = new List<string>();
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            foreach (var next in successors[node])
            {
                remaining[next]--;
                if (remaining[next] == 0)
                {
                    ready.Enqueue(next, (rank(next), next));
                }
            }
        }

        if (order.Count < predecessors.Count)
        {
            var stuck = remaining.Where(r => r.Value > 0).Select(r => r.Key).OrderBy(rank);
            throw new TollgateException(cycleMessage(stuck));
        }

        return order;
    }
}
