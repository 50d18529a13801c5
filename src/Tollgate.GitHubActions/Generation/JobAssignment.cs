namespace Tollgate.GitHubActions;

/// <summary>
/// Decides which job each target of a workflow's plan runs in. A target runs in its own job, or in the job of the target
/// it <c>SharesJobWith</c>, or it is folded into the jobs of its dependents and runs again in each: when it declares
/// <c>FoldsIntoDependentJobs()</c>, or by default when all its dependents run in one job and it has nothing that needs
/// a job of its own (no artifacts, no job settings, not invoked, not triggered), so it runs there once and saves a runner.
/// </summary>
internal static class JobAssignment
{
    /// <summary>The job keys (the host target of each job) that every target runs in.</summary>
    public static Dictionary<string, SortedSet<string>> Assign(
        TargetGraph graph, GitHubWorkflow workflow, IReadOnlyDictionary<string, HashSet<string>> dependencies, Func<string, int> rank)
    {
        var dependents = dependencies.Keys.ToDictionary(t => t, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (target, before) in dependencies)
        {
            foreach (var dependency in before)
            {
                dependents[dependency].Add(target);
            }
        }

        var keepOwnJob = TargetsThatKeepTheirJob(graph, workflow, dependencies.Keys);
        var order = Topology.Order(dependencies, rank, cycle => $"Targets {string.Join(" -> ", cycle)} depend on each other.");
        var jobs = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);

        // Dependents first, so a target sees the jobs it would fold into.
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var name = order[i];
            var spec = graph.Get(name);
            var dependentJobs = new SortedSet<string>(dependents[name].SelectMany(d => jobs[d]), StringComparer.Ordinal);
            if (spec.GetAnnotation<FoldedIntoDependentJobs>() is not null)
            {
                if (!spec.Produces.IsEmpty)
                {
                    throw new TollgateException(
                        $"Target '{name}' both FoldsIntoDependentJobs() and Produces artifacts ({string.Join(", ", spec.Produces)}). " +
                        "A folded target runs again in each job that needs it, so there is nothing to upload: remove one of the two.");
                }

                if (dependentJobs.Count > 0)
                {
                    jobs[name] = dependentJobs;
                    continue;
                }
            }
            else if (dependentJobs.Count == 1 && !keepOwnJob.Contains(name))
            {
                jobs[name] = dependentJobs;
                continue;
            }

            jobs[name] = new SortedSet<string>(StringComparer.Ordinal) { JobKey(graph, name) };
        }

        return jobs;
    }

    // Targets that are not folded by default: whatever makes a job of its own visible or necessary.
    private static HashSet<string> TargetsThatKeepTheirJob(TargetGraph graph, GitHubWorkflow workflow, IEnumerable<string> inPlan)
    {
        var specs = inPlan.Select(graph.Get).ToList();
        var keep = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        keep.UnionWith(workflow.InvokedTargets);
        keep.UnionWith(workflow.Runners.Keys);
        keep.UnionWith(workflow.Matrices.SelectMany(m => m.Targets));
        foreach (var spec in specs)
        {
            keep.UnionWith(spec.Triggers);
            keep.UnionWith(spec.Consumes.Select(c => c.ProducerTarget));
            if (spec.GetAnnotation<SharedJob>() is { } shared)
            {
                keep.Add(shared.HostTarget);
            }

            if (!spec.Triggers.IsEmpty || !spec.Produces.IsEmpty || !spec.Annotations.IsEmpty || spec.AssuredAfterFailure)
            {
                keep.Add(spec.Name);
            }
        }

        return keep;
    }

    // Follows SharesJobWith to the target whose job this one joins; a host outside the plan still groups its members.
    private static string JobKey(TargetGraph graph, string name)
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

            if (host.GetAnnotation<FoldedIntoDependentJobs>() is not null)
            {
                throw new TollgateException(
                    $"Target '{current}' shares the job of '{host.Name}', which FoldsIntoDependentJobs() and so has no job of its own. " +
                    $"Let '{current}' depend on '{host.Name}' instead: it then runs '{host.Name}' in its own job.");
            }

            seen.Add(host.Name);
            current = host.Name;
        }

        return current;
    }
}
