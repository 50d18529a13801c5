using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>
/// Turns a workflow's invoked targets into jobs: the plan is the closure over DependsOn and Triggers; JobAssignment
/// decides the job(s) each target runs in; a job needs the jobs of its targets' dependencies, of their After targets
/// that are in the plan, of the targets that trigger them and of the targets whose artifacts they consume (a
/// <c>ConsumesIfPresent</c> producer only when the workflow runs it), unless those run in the job itself; HandOverCheck
/// then proves that every skipped dependency's files reach the job. Order is deterministic: topological, ties broken by
/// declaration order.
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
        graph = WithPresentProducersOnly(graph, inPlan);
        var edges = TargetEdges(graph, workflow, inPlan);
        var dependencies = inPlan.ToDictionary(t => t, t => graph.Get(t).DependsOn.Select(d => graph.Get(d).Name).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        RemoveCollectiveTargets(graph, workflow, inPlan, edges, dependencies);

        var jobsOf = JobAssignment.Assign(graph, workflow, dependencies, t => declarationIndex[t]);
        var members = jobsOf.SelectMany(p => p.Value.Select(job => (Job: job, Target: p.Key)))
            .GroupBy(p => p.Job, p => p.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // A job waits for the jobs of whatever its targets wait for, unless that runs in the job itself.
        var jobEdges = members.Keys.ToDictionary(
            job => job,
            job => members[job].SelectMany(t => edges[t]).SelectMany(d => jobsOf[d].Contains(job) ? [] : jobsOf[d]).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        int JobRank(string job) => members[job].Min(t => declarationIndex[t]);
        var jobOrder = Topology.Order(jobEdges, JobRank, cycle =>
            $"Workflow '{workflow.Name}': the jobs {string.Join(" -> ", cycle)} wait for each other because of SharesJobWith. Let the target run in its own job.");
        var position = jobOrder.Select((j, i) => (j, i)).ToDictionary(x => x.j, x => x.i, StringComparer.Ordinal);

        var targetsOf = members.Keys.ToDictionary(
            job => job,
            job =>
            {
                var within = members[job].ToDictionary(t => t, t => edges[t].Where(members[job].Contains).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
                return Topology.Order(within, t => declarationIndex[t], cycle => $"Targets {string.Join(" -> ", cycle)} depend on each other.");
            },
            StringComparer.Ordinal);
        var idOf = members.Keys.ToDictionary(job => job, job => members[job].Contains(job, StringComparer.Ordinal) ? job : targetsOf[job][0], StringComparer.Ordinal);

        ImmutableArray<WorkflowJob> jobs = [.. jobOrder.Select(job => new WorkflowJob(
            idOf[job],
            [.. targetsOf[job].Select(t => graph.Get(t))],
            [.. jobEdges[job].OrderBy(j => position[j]).Select(j => idOf[j])],
            MatrixOf(workflow, idOf[job], members[job])))];
        HandOverCheck.Verify(graph, workflow, jobs, dependencies, target => jobsOf[target].Select(job => idOf[job]));
        return jobs;
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

    // ConsumesIfPresent: a producer this workflow runs is consumed like any other (its artifact is downloaded, its job
    // is needed); one it does not run is dropped, so the rest of the planner and the renderers never see it.
    private static TargetGraph WithPresentProducersOnly(TargetGraph graph, HashSet<string> inPlan)
    {
        bool Absent(ArtifactConsumption c) => c.IfPresent && !inPlan.Contains(graph.Get(c.ProducerTarget).Name);
        return graph.Targets.Any(t => t.Consumes.Any(Absent))
            ? new TargetGraph(graph.Targets.Select(t => t.Consumes.Any(Absent) ? t with { Consumes = [.. t.Consumes.Where(c => !Absent(c))] } : t), graph.DefaultTarget)
            : graph;
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
    private static void RemoveCollectiveTargets(
        TargetGraph graph, GitHubWorkflow workflow, HashSet<string> inPlan, Dictionary<string, HashSet<string>> edges, Dictionary<string, HashSet<string>> dependencies)
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

            foreach (var dependent in dependencies.Values)
            {
                if (dependent.Remove(name))
                {
                    dependent.UnionWith(dependencies[name]);
                }
            }

            edges.Remove(name);
            dependencies.Remove(name);
            inPlan.Remove(name);
        }

        if (inPlan.Count == 0)
        {
            throw new TollgateException(
                $"Workflow '{workflow.Name}' invokes only targets without actions ({string.Join(", ", collective)}), so it would have no jobs. Invoke targets that execute something.");
        }
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
}
