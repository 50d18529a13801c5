namespace Tollgate.GitHubActions;

/// <summary>
/// Every job runs <c>./build.sh &lt;its targets&gt; --skip</c> on a fresh runner, so every dependency that runs in another
/// job is skipped there, however far down the chain, and whatever it wrote is missing, unless it reaches the job: as an
/// artifact the job consumes (the artifact stands for everything behind it), or because the dependency declares that its
/// dependents need only its success. Such a dependency is looked through: what it depends on must reach the job in turn
/// (Compile → UnitTest (hands over nothing) → Publish needs Compile's files in Publish's job). Anything else fails
/// generation, naming both targets, the chain between them and the fixes, instead of a job that works only by accident.
/// </summary>
internal static class HandOverCheck
{
    public static void Verify(
        TargetGraph graph,
        GitHubWorkflow workflow,
        IReadOnlyList<WorkflowJob> jobs,
        IReadOnlyDictionary<string, HashSet<string>> dependencies,
        Func<string, IEnumerable<string>> jobsRunning)
    {
        var problems = new List<string>();
        foreach (var job in jobs)
        {
            var here = job.Targets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            var consumed = job.Targets.SelectMany(t => t.Consumes).Select(c => graph.Get(c.ProducerTarget).Name).ToHashSet(StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var target in job.Targets)
            {
                foreach (var chain in MissingHandOvers(graph, target.Name, dependencies, here, consumed))
                {
                    if (reported.Add(chain[^1]))
                    {
                        problems.Add(Describe(job, chain, graph, jobsRunning(chain[^1])));
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new TollgateException($"Workflow '{workflow.Name}': {string.Join("\n", problems)}");
        }
    }

    // Breadth first from the target, so each missing dependency comes with the shortest chain that leads to it
    // (target first, the dependency last). The walk stops at dependencies that run here (they are checked as targets of
    // the job themselves) or are consumed, and goes on through those that hand over nothing.
    private static IEnumerable<List<string>> MissingHandOvers(
        TargetGraph graph, string target, IReadOnlyDictionary<string, HashSet<string>> dependencies, HashSet<string> here, HashSet<string> consumed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { target };
        var pending = new Queue<List<string>>([[target]]);
        while (pending.TryDequeue(out var chain))
        {
            foreach (var dependency in dependencies[chain[^1]].Order(StringComparer.Ordinal))
            {
                if (!seen.Add(dependency) || here.Contains(dependency) || consumed.Contains(dependency))
                {
                    continue;
                }

                List<string> longer = [.. chain, dependency];
                if (graph.Get(dependency).GetAnnotation<HandsOverNothing>() is not null)
                {
                    pending.Enqueue(longer);
                }
                else
                {
                    yield return longer;
                }
            }
        }
    }

    private static string Describe(WorkflowJob job, List<string> chain, TargetGraph graph, IEnumerable<string> dependencyJobs)
    {
        var target = chain[0];
        var dependency = graph.Get(chain[^1]);
        var d = dependency.Name;
        var between = chain.Skip(1).SkipLast(1).ToList();
        var through = between.Count > 0
            ? $" through {string.Join(", ", between)} ({string.Join(" -> ", chain)}; {string.Join(", ", between)} {(between.Count == 1 ? "hands" : "hand")} over nothing)"
            : string.Empty;
        var artifact = dependency.Produces.IsEmpty
            ? $"add .Produces(\"<the files {target} reads>\") to {d} and .Consumes({d}) to {target}"
            : $"add .Consumes({d}) to {target} (it downloads {string.Join(", ", dependency.Produces)})";
        // A folded target runs in the jobs of the targets that depend on it directly, so across a chain the fold needs a
        // direct dependency as well.
        var folded = dependency.GetAnnotation<FoldedIntoDependentJobs>() is not null;
        var fold = (between.Count, folded) switch
        {
            (0, _) => $".FoldsIntoDependentJobs() to {d} to run it again in every job that needs it, as for restore or compile",
            (_, true) => $".DependsOn({d}) to {target}: {d} FoldsIntoDependentJobs(), which runs it in the jobs of the targets that depend on it directly",
            _ => $".DependsOn({d}) to {target} and .FoldsIntoDependentJobs() to {d}, which runs it again in the jobs of the targets that depend on it directly",
        };
        return $"job '{job.Id}' runs {target}, which depends on {d}{through}, but {d} runs in job '{string.Join("', '", dependencyJobs)}' " +
            $"and is skipped here (./build.sh {string.Join(' ', job.Targets.Select(t => t.Name))} --skip), so nothing {d} writes reaches this runner. " +
            $"Fix it in the build: hand the files over as an artifact ({artifact}), or run both in one job " +
            $"(add .SharesJobWith(nameof({d})) to {target}, or {fold}). " +
            $"If {target} needs only that {d} succeeded (a test or scan gate, an image pushed to a registry), add .HandsOverNothing() to {d}.";
    }
}
