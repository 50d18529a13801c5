using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tollgate.GitHubActions.Harness;

/// <summary>One job (one matrix leg) under the harness: the checks that decide whether it can run, then its steps.</summary>
internal sealed partial class JobRun(HarnessRun run, JobModel job, ImmutableDictionary<string, string> matrix, IReadOnlyDictionary<string, List<HarnessJobResult>> needed)
{
    private readonly string _name = matrix.IsEmpty ? job.Id : $"{job.Id} ({string.Join(", ", matrix.Select(m => $"{m.Key}={m.Value}"))})";
    private readonly List<string> _received = [];
    private readonly List<string> _handedOn = [];
    private readonly List<string> _notExecuted = [];
    private const string GitHubToken = "GITHUB_TOKEN";

    private readonly string _trackingId = "tollgate-harness-" + Guid.NewGuid().ToString("N");

    // Like the runner's GITHUB_TOKEN: a fresh value per job (secrets.GITHUB_TOKEN and github.token), valid nowhere.
    private readonly string _token = "ghs_harness" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public async Task<HarnessJobResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var context = BaseContext();
        if (WhyNotRun(context) is { } notRun)
        {
            return notRun with { Duration = clock.Elapsed };
        }

        var workspace = Path.Combine(run.Options.WorkDirectory, "jobs", Slug(_name));
        var runnerTemp = Path.Combine(run.Options.WorkDirectory, "runner-temp", Slug(_name));
        Directory.CreateDirectory(workspace);
        Directory.CreateDirectory(runnerTemp);
        var logPath = Path.Combine(run.LogDirectory, Slug(_name) + ".log");
        using var log = new JobLog(logPath, _name, run.Options.Output);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(job.TimeoutMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : run.Options.DefaultTimeout);
        string? failure = null;
        try
        {
            var steps = new StepExecutor(run, new ProcessRunner(log), log, workspace, RunnerVariables(workspace, runnerTemp));
            var environment = Evaluate(run.Workflow.Env.Concat(job.Env), context);
            foreach (var step in job.Steps)
            {
                var stepContext = context with { Env = environment, Workspace = workspace, Succeeded = failure is null };
                if (!ExpressionEvaluator.Condition(step.If, stepContext))
                {
                    log.Line($"::: skipped step '{step.Name}' (if: {step.If ?? "success()"})");
                    continue;
                }

                log.Line($"::: step '{step.Name}'");
                var outcome = await steps.RunAsync(step, stepContext, environment, timeout.Token).ConfigureAwait(false);
                _received.AddRange(outcome.Received);
                _handedOn.AddRange(outcome.HandedOn);
                _notExecuted.AddRange(outcome.NotExecuted);
                environment = outcome.Environment;
                if (outcome.Failure is { } stepFailure && !step.ContinueOnError)
                {
                    failure ??= $"step '{step.Name}' failed: {stepFailure}";
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"timed out after {(job.TimeoutMinutes is { } m ? TimeSpan.FromMinutes(m) : run.Options.DefaultTimeout).TotalMinutes:0} minutes";
        }
        catch (UnsupportedExpressionException exception)
        {
            failure = exception.Message;
        }
        finally
        {
            foreach (var line in OrphanProcesses.Terminate(_trackingId))
            {
                log.Line(line);
            }

            if (!run.Options.KeepWorkspaces)
            {
                DeleteQuietly(workspace);
            }

            DeleteQuietly(runnerTemp);
        }

        log.Line(failure is null ? "::: job succeeded" : $"::: job failed: {failure}");
        return Result(failure is null ? HarnessJobStatus.Succeeded : HarnessJobStatus.Failed, failure, logPath) with { Duration = clock.Elapsed };
    }

    private ExpressionContext BaseContext()
    {
        var gitRef = run.Options.Ref;
        var refName = gitRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? gitRef["refs/heads/".Length..]
            : gitRef.StartsWith("refs/tags/", StringComparison.Ordinal) ? gitRef["refs/tags/".Length..] : gitRef;
        return new ExpressionContext
        {
            GitHub = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["ref"] = gitRef,
                ["ref_name"] = refName,
                ["event_name"] = run.Options.EventName,
                ["sha"] = run.Sha,
                ["workflow"] = run.Workflow.Name,
                ["repository"] = "local/" + Path.GetFileName(Path.GetFullPath(run.Options.RepositoryDirectory).TrimEnd('/')),
                ["run_id"] = "1",
                ["run_number"] = "1",
                ["actor"] = "tollgate-harness",
                ["token"] = _token,
            }),
            Inputs = run.Options.Inputs,
            Secrets = run.Options.Secrets.ContainsKey(GitHubToken) ? run.Options.Secrets : run.Options.Secrets.SetItem(GitHubToken, _token),
            Vars = run.Options.Variables,
            Matrix = matrix,
            Succeeded = needed.Values.All(results => results.All(r => r.Status == HarnessJobStatus.Succeeded)),
        };
    }

    // The reasons a job cannot run here, in the order a reader would check them.
    private HarnessJobResult? WhyNotRun(ExpressionContext context)
    {
        try
        {
            if (!ExpressionEvaluator.Condition(job.If, context))
            {
                var unfinished = needed.Where(n => n.Value.Any(r => r.Status != HarnessJobStatus.Succeeded)).Select(n => n.Key).ToList();
                return unfinished.Count > 0 && job.If is null
                    ? Result(HarnessJobStatus.NotRun, $"needs {string.Join(", ", unfinished)}, which did not succeed", null)
                    : Result(HarnessJobStatus.Skipped, $"if: {job.If} is false for {run.Options.EventName} on {run.Options.Ref}", null);
            }
        }
        catch (UnsupportedExpressionException exception)
        {
            return Result(HarnessJobStatus.NotRun, "if: " + exception.Message, null);
        }

        if (!job.RunsOn.StartsWith("ubuntu", StringComparison.OrdinalIgnoreCase) && !job.RunsOn.Contains("linux", StringComparison.OrdinalIgnoreCase))
        {
            return Result(HarnessJobStatus.NotRun, $"runs on {job.RunsOn}; the harness runs Linux jobs on this machine", null);
        }

        if (job.Environment is { } environment && !run.Options.Environments.Contains(environment))
        {
            var url = job.EnvironmentUrl is null ? string.Empty : $" ({job.EnvironmentUrl})";
            return Result(HarnessJobStatus.NotRun, $"deploys to the environment '{environment}'{url}, whose approvals and cluster are not available here", null);
        }

        var missing = SecretReferences().Where(s => s != GitHubToken && !run.Options.Secrets.ContainsKey(s)).Order(StringComparer.Ordinal).ToList();
        return missing.Count > 0
            ? Result(HarnessJobStatus.NotRun, $"needs the secret(s) {string.Join(", ", missing)}, not provided to the harness", null)
            : null;
    }

    private IEnumerable<string> SecretReferences()
    {
        var texts = job.Env.Select(e => e.Value)
            .Concat(run.Workflow.Env.Select(e => e.Value))
            .Concat(job.Steps.SelectMany(s => s.Env.Select(e => e.Value).Concat(s.With.Select(w => w.Value)).Append(s.Run ?? string.Empty)));
        // Only inside ${{ }}: a plain value such as `sarif_file: artifacts/scan/secrets.sarif` names no secret.
        return texts.SelectMany(t => Expression().Matches(t))
            .SelectMany(e => SecretReference().Matches(e.Value).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal);
    }

    private static ImmutableDictionary<string, string> Evaluate(IEnumerable<KeyValuePair<string, string>> variables, ExpressionContext context)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            result[name] = ExpressionEvaluator.Interpolate(value, context with { Env = result.ToImmutable() });
        }

        return result.ToImmutable();
    }

    private ImmutableDictionary<string, string> RunnerVariables(string workspace, string runnerTemp)
    {
        var context = BaseContext();
        return run.HostEnvironment.SetItems(run.Options.RunnerEnvironment).SetItems(new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_REF"] = context.GitHub["ref"],
            ["GITHUB_REF_NAME"] = context.GitHub["ref_name"],
            ["GITHUB_SHA"] = run.Sha,
            ["GITHUB_EVENT_NAME"] = run.Options.EventName,
            ["GITHUB_WORKFLOW"] = run.Workflow.Name,
            ["GITHUB_JOB"] = job.Id,
            ["GITHUB_REPOSITORY"] = context.GitHub["repository"],
            ["GITHUB_RUN_ID"] = "1",
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(runnerTemp, "step-summary.md"),
            ["GITHUB_ENV"] = Path.Combine(runnerTemp, "env"),
            ["GITHUB_PATH"] = Path.Combine(runnerTemp, "path"),
            ["GITHUB_OUTPUT"] = Path.Combine(runnerTemp, "output"),
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_TEMP"] = runnerTemp,
            [OrphanProcesses.TrackingVariable] = _trackingId,
        });
    }

    private HarnessJobResult Result(HarnessJobStatus status, string? reason, string? logFile) =>
        new(_name, status, TimeSpan.Zero, reason, logFile) { Received = [.. _received], HandedOn = [.. _handedOn], NotExecuted = [.. _notExecuted.Distinct()] };

    private static string Slug(string name) => SlugCharacters().Replace(name, "-").Trim('-');

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A process of the job may still hold a file for a moment; the work directory is the caller's to delete.
        }
        catch (UnauthorizedAccessException)
        {
            // Files written by a container as another user; the work directory is the caller's to delete.
        }
    }

    [GeneratedRegex(@"\$\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();

    [GeneratedRegex(@"\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex SecretReference();

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex SlugCharacters();
}
