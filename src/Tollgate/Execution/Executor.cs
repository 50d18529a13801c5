using System.Diagnostics;

namespace Tollgate;

/// <summary>
/// Runs a plan: independent targets in parallel (up to <see cref="ExecutorOptions.MaxParallel"/>) while honouring every
/// ordering edge. After a failure nothing new is scheduled (unless the failed target has ProceedAfterFailure), running
/// targets are cancelled gracefully (Aborted) and assured targets still run. Cancelling the token (Ctrl-C) does the same.
/// </summary>
/// <param name="host">Receives target start/end notifications.</param>
/// <param name="log">The build log (cancellations are written here; failures travel in <see cref="TargetResult.Failure"/>).</param>
/// <param name="beginTarget">Opens a log scope so lines carry the target's prefix.</param>
/// <param name="options">Parallelism, force, continue and incremental settings.</param>
internal sealed partial class Executor(IBuildHost host, IBuildLog log, Func<string, IDisposable> beginTarget, ExecutorOptions options)
{
    /// <summary>Executes the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Graceful cancellation (Ctrl-C): running targets are cancelled, assured targets still run.</param>
    /// <param name="abortToken">Hard abort (second Ctrl-C): assured targets are cancelled too.</param>
    public async Task<BuildReport> ExecuteAsync(ExecutionPlan plan, CancellationToken cancellationToken, CancellationToken abortToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clock = Stopwatch.StartNew();
        using var run = new Run(plan, cancellationToken, abortToken);
        while (true)
        {
            while (run.Ready.TryDequeue(out var index, out _))
            {
                if (Decide(run, plan.Targets[index]) is { } immediate)
                {
                    Complete(run, index, immediate);
                }
                else
                {
                    run.Runnable.Add(index);
                }
            }

            StartRunnable(run);
            if (run.Ready.Count > 0)
            {
                continue;
            }

            if (run.Running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(run.Running.Values).ConfigureAwait(false);
            var (finishedIndex, result) = await finished.ConfigureAwait(false);
            run.Running.Remove(finishedIndex);
            run.Release(plan.Targets[finishedIndex].Spec);
            Complete(run, finishedIndex, result);
        }

        var results = plan.Targets.Select((t, i) => run.Results[i] ?? new TargetResult(t.Name, TargetStatus.NotRun, TimeSpan.Zero, "never became ready"));
        return new BuildReport([.. results], clock.Elapsed, cancellationToken.IsCancellationRequested);
    }

    /// <summary>Decides a target that needs no slot (skip, not run, up to date, collective), or returns null to run it.</summary>
    private TargetResult? Decide(Run run, PlannedTarget target)
    {
        var spec = target.Spec;
        if (target.Skipped)
        {
            return new TargetResult(spec.Name, TargetStatus.Skipped, TimeSpan.Zero, target.SkipReason);
        }

        if (options.PreviouslySucceeded.Contains(spec.Name))
        {
            return new TargetResult(spec.Name, TargetStatus.Skipped, TimeSpan.Zero, ExecutionNotes.ContinuedSuccess);
        }

        if (run.Stopping && !spec.AssuredAfterFailure)
        {
            return new TargetResult(spec.Name, TargetStatus.NotRun, TimeSpan.Zero, run.StopReason);
        }

        var failedDependency = spec.DependsOn.FirstOrDefault(d => run.ResultOf(d) is { IsSuccessful: false });
        if (failedDependency is not null && !spec.AssuredAfterFailure)
        {
            return new TargetResult(spec.Name, TargetStatus.NotRun, TimeSpan.Zero, $"dependency {failedDependency} {run.ResultOf(failedDependency)!.Status.ToString().ToLowerInvariant()}");
        }

        if (target.TriggeredBy is not null && !run.WasTriggered(spec.Name))
        {
            return new TargetResult(spec.Name, TargetStatus.Skipped, TimeSpan.Zero, "not triggered: no triggering target ran");
        }

        foreach (var condition in spec.DynamicConditions)
        {
            if (EvaluateDynamic(spec, condition) is { } decided)
            {
                return decided;
            }
        }

        if (spec.IsCollective)
        {
            return new TargetResult(spec.Name, TargetStatus.Collective, TimeSpan.Zero);
        }

        if (spec.IsIncremental && options.Incremental is { } incremental && !options.Force)
        {
            if (incremental.IsUpToDate(spec, out var reason))
            {
                return new TargetResult(spec.Name, TargetStatus.UpToDate, TimeSpan.Zero, "inputs unchanged");
            }

            log.Debug($"{spec.Name} is not up to date: {reason}");
        }

        return null;
    }

    /// <summary>
    /// A false condition skips the target; a throwing one fails it with the condition's text and message (the build
    /// then stops as after any failure, and assured targets still run).
    /// </summary>
    private static TargetResult? EvaluateDynamic(TargetSpec spec, TargetCondition condition)
    {
        try
        {
            return condition.Evaluate() ? null : new TargetResult(spec.Name, TargetStatus.Skipped, TimeSpan.Zero, $"condition false: {condition.Text}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var message = exception is TollgateException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            var failure = $"The condition {condition.Text} threw: {message}";
            return new TargetResult(spec.Name, TargetStatus.Failed, TimeSpan.Zero, FirstLine(failure)) { Failure = failure };
        }
    }

    /// <summary>Starts runnable targets in plan order while slots and their exclusive resources are free.</summary>
    private void StartRunnable(Run run)
    {
        foreach (var index in run.Runnable.ToList())
        {
            var spec = run.Plan.Targets[index].Spec;
            if (run.Stopping && !spec.AssuredAfterFailure)
            {
                run.Runnable.Remove(index);
                Complete(run, index, new TargetResult(spec.Name, TargetStatus.NotRun, TimeSpan.Zero, run.StopReason));
                continue;
            }

            if (run.Running.Count < Math.Max(1, options.MaxParallel) && run.TryAcquire(spec))
            {
                run.Runnable.Remove(index);
                Start(run, index);
            }
        }
    }

    private void Start(Run run, int index)
    {
        var spec = run.Plan.Targets[index].Spec;
        var token = spec.AssuredAfterFailure ? run.AbortToken : run.GracefulToken;
        run.Running[index] = Task.Run(() => RunTargetAsync(index, spec, token));
    }

    /// <summary>Runs a target's actions; a failed or aborted target's note is why it ended, not what it reported.</summary>
    private async Task<(int, TargetResult)> RunTargetAsync(int index, TargetSpec spec, CancellationToken token)
    {
        using var scope = beginTarget(spec.Name);
        host.TargetStarted(spec.Name);
        var clock = Stopwatch.StartNew();
        try
        {
            token.ThrowIfCancellationRequested();
            foreach (var action in spec.Actions)
            {
                await action(token).ConfigureAwait(false);
            }

            if (spec.IsIncremental)
            {
                options.Incremental?.RecordSuccess(spec);
            }

            return (index, new TargetResult(spec.Name, TargetStatus.Succeeded, clock.Elapsed, options.Notes?.Take(spec.Name)));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            options.Notes?.Take(spec.Name);
            log.Warning($"{spec.Name} was cancelled.");
            return (index, new TargetResult(spec.Name, TargetStatus.Aborted, clock.Elapsed, "cancelled"));
        }
        catch (Exception exception)
        {
            options.Notes?.Take(spec.Name);
            if (spec.IsIncremental)
            {
                options.Incremental?.Invalidate(spec);
            }

            // Not logged here: the host prints the failure once, where the target ends.
            var failure = exception is TollgateException ? exception.Message.TrimEnd() : exception.ToString();
            return (index, new TargetResult(spec.Name, TargetStatus.Failed, clock.Elapsed, FirstLine(failure)) { Failure = failure });
        }
    }

    private void Complete(Run run, int index, TargetResult result)
    {
        run.Results[index] = result;
        if (result.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted)
        {
            host.TargetFinished(result);
        }

        if (result.Status == TargetStatus.Failed && !run.Plan.Targets[index].Spec.ProceedAfterFailure)
        {
            run.Stop($"build stopped after {result.Name} failed");
        }

        if (result.Status is TargetStatus.Succeeded or TargetStatus.UpToDate or TargetStatus.Collective)
        {
            run.MarkTriggers(run.Plan.Targets[index].Spec);
        }

        foreach (var successor in run.Successors[index])
        {
            if (--run.Waiting[successor] == 0)
            {
                run.Ready.Enqueue(successor, successor);
            }
        }
    }

    /// <summary>The first line of <paramref name="message"/>, cut to 160 characters: how every note fits one table cell.</summary>
    internal static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].TrimEnd('\r');
        return line.Length > 160 ? line[..157] + "..." : line;
    }
}
