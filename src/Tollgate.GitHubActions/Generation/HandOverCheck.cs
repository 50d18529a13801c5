namespace Tollgate.GitHubActions;

/// <summary>
/// Every job runs <c>./build.sh &lt;its targets&gt; --skip</c> on a fresh runner, so a dependency that runs in another
/// job is skipped there and whatever it wrote is missing, unless it reaches the job: as an artifact the job consumes,
/// or because the dependency declares that its dependents need only its success. Anything else fails generation,
/// naming both targets and the fixes, instead of a job that works only by accident.
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
            foreach (var target in job.Targets)
            {
                foreach (var dependency in dependencies[target.Name].OrderBy(d => d, StringComparer.Ordinal))
                {
                    var spec = graph.Get(dependency);
                    if (here.Contains(dependency) || consumed.Contains(dependency) || spec.GetAnnotation<HandsOverNothing>() is not null)
                    {
                        continue;
                    }

                    problems.Add(Describe(job, target.Name, spec, jobsRunning(dependency)));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new TollgateException($"Workflow '{workflow.Name}': {string.Join("\n", problems)}");
        }
    }

    private static string Describe(WorkflowJob job, string target, TargetSpec dependency, IEnumerable<string> dependencyJobs)
    {
        var d = dependency.Name;
        var artifact = dependency.Produces.IsEmpty
            ? $"add .Produces(\"<the files {target} reads>\") to {d} and .Consumes({d}) to {target}"
            : $"add .Consumes({d}) to {target} (it downloads {string.Join(", ", dependency.Produces)})";
        return $"job '{job.Id}' runs {target}, which depends on {d}, but {d} runs in job '{string.Join("', '", dependencyJobs)}' " +
            $"and is skipped here (./build.sh {string.Join(' ', job.Targets.Select(t => t.Name))} --skip), so nothing {d} writes reaches this runner. " +
            $"Fix it in the build: hand the files over as an artifact ({artifact}), or run both in one job " +
            $"(add .SharesJobWith(nameof({d})) to {target}, or .FoldsIntoDependentJobs() to {d} to run it again in every job that needs it, as for restore or compile). " +
            $"If {target} needs only that {d} succeeded (a test or scan gate, an image pushed to a registry), add .HandsOverNothing() to {d}.";
    }
}
