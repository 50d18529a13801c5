using System.Collections.Immutable;

namespace Tollgate.GitHubActions.Harness;

/// <summary>
/// Proof by execution: runs every job of a committed workflow in dependency order, each in a fresh clone of the commit,
/// as a GitHub runner would. A job sees only its checkout plus the artifacts its <c>needs</c> jobs uploaded; <c>env:</c>
/// and <c>run:</c> steps run with bash; checkout, setup-dotnet, cache and the artifact actions are emulated; other
/// <c>uses:</c> steps are listed as not executed. A job that needs a secret or deployment environment that is not
/// available is reported as not run, with the reason. Jobs run one at a time (a runner each would need more cores).
/// </summary>
public sealed class WorkflowHarness(HarnessOptions options)
{
    /// <summary>Runs the workflow and returns the per-job results.</summary>
    /// <exception cref="TollgateException">The workflow file cannot be read, or the repository cannot be cloned.</exception>
    public async Task<HarnessReport> RunAsync(CancellationToken cancellationToken)
    {
        var workflowPath = Path.IsPathRooted(options.WorkflowFile) ? options.WorkflowFile : Path.Combine(options.RepositoryDirectory, options.WorkflowFile);
        var workflow = WorkflowReader.Read(workflowPath);
        Directory.CreateDirectory(options.WorkDirectory);
        var logs = Directory.CreateDirectory(Path.Combine(options.WorkDirectory, "logs")).FullName;
        var artifacts = Directory.CreateDirectory(Path.Combine(options.WorkDirectory, "artifacts")).FullName;
        var sandbox = Path.Combine(options.WorkDirectory, "pushes.git");

        var hostEnvironment = HostEnvironment();
        string sha;
        using (var setupLog = new JobLog(Path.Combine(logs, "_setup.log"), "harness", options.Output))
        {
            var runner = new ProcessRunner(setupLog);
            sha = await ResolveCommitAsync(runner, hostEnvironment, setupLog, cancellationToken).ConfigureAwait(false);
            await GitCheckout.CreateSandboxAsync(runner, options.RepositoryDirectory, sandbox, hostEnvironment, cancellationToken).ConfigureAwait(false);
        }

        var shared = new HarnessRun(options, workflow, new ArtifactStore(artifacts), new GitCheckout(options.RepositoryDirectory, sha, options.Ref, sandbox), sha, hostEnvironment, logs);
        var outcomes = new Dictionary<string, List<HarnessJobResult>>(StringComparer.Ordinal);
        var results = ImmutableArray.CreateBuilder<HarnessJobResult>();
        foreach (var job in Order(workflow))
        {
            var needed = job.Needs.ToDictionary(n => n, n => outcomes.TryGetValue(n, out var r) ? r : [], StringComparer.Ordinal);
            var legs = new List<HarnessJobResult>();
            foreach (var matrix in Combinations(job))
            {
                var result = await new JobRun(shared, job, matrix, needed).RunAsync(cancellationToken).ConfigureAwait(false);
                legs.Add(result);
                results.Add(result);
            }

            outcomes[job.Id] = legs;
        }

        return new HarnessReport(workflow.Name, results.ToImmutable(), artifacts);
    }

    private ImmutableDictionary<string, string> HostEnvironment()
    {
        var environment = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var name in options.HostVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        return environment.ToImmutable();
    }

    private async Task<string> ResolveCommitAsync(ProcessRunner runner, IReadOnlyDictionary<string, string> environment, JobLog log, CancellationToken cancellationToken)
    {
        var file = Path.Combine(options.WorkDirectory, "commit.txt");
        var exitCode = await runner.RunAsync("bash", ["-c", "git rev-parse --verify \"$1^{commit}\" > \"$2\"", "bash", options.Commit, file], options.RepositoryDirectory, environment, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new TollgateException($"'{options.Commit}' is not a commit of the git repository {options.RepositoryDirectory} (see {log.Path}). Pass a repository with at least one commit and a commit that exists.");
        }

        return File.ReadAllText(file).Trim();
    }

    // Jobs in file order, each after the jobs it needs (generated files are already in that order).
    private static IEnumerable<JobModel> Order(WorkflowModel workflow)
    {
        var byId = workflow.Jobs.ToDictionary(j => j.Id, StringComparer.Ordinal);
        foreach (var job in workflow.Jobs)
        {
            foreach (var need in job.Needs.Where(n => !byId.ContainsKey(n)))
            {
                throw new TollgateException($"Job '{job.Id}' needs '{need}', which is not a job of the workflow '{workflow.Name}'.");
            }
        }

        var index = workflow.Jobs.Select((j, i) => (j.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var order = Topology.Order(
            workflow.Jobs.ToDictionary(j => j.Id, j => j.Needs.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal),
            id => index[id],
            cycle => $"The jobs {string.Join(" -> ", cycle)} of '{workflow.Name}' need each other.");
        return order.Select(id => byId[id]);
    }

    private static IEnumerable<ImmutableDictionary<string, string>> Combinations(JobModel job)
    {
        IEnumerable<ImmutableDictionary<string, string>> combinations = [ImmutableDictionary<string, string>.Empty];
        foreach (var (name, values) in job.Matrix)
        {
            combinations = combinations.SelectMany(c => values.Select(v => c.SetItem(name, v))).ToList();
        }

        return combinations;
    }
}

/// <summary>What every job of one harness run shares.</summary>
internal sealed record HarnessRun(
    HarnessOptions Options,
    WorkflowModel Workflow,
    ArtifactStore Artifacts,
    GitCheckout Checkout,
    string Sha,
    ImmutableDictionary<string, string> HostEnvironment,
    string LogDirectory);
