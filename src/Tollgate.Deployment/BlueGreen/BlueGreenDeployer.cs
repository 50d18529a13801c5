using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Notifications;
using Tollgate.Deployment.Records;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Deployment.BlueGreen;

/// <summary>
/// One blue-green release, on any <see cref="IBlueGreenPlatform"/>: read the live state; deploy the idle colour by
/// digest; point the preview at it; smoke-test and analyse it there; switch production to it; analyse again; then
/// scale the previous colour down after the delay, or switch back at once and remove the new colour. Every run is
/// appended to the history and announced to the notifier.
/// </summary>
/// <param name="platform">Where the colours run.</param>
/// <param name="smoke">Runs smoke checks.</param>
/// <param name="clock">The clock for analysis, delays and durations.</param>
/// <param name="notifier">Start, promotion and rollback messages.</param>
/// <param name="history">The deployment history, or null to keep none.</param>
/// <param name="log">Receives one line per step and measurement.</param>
public sealed class BlueGreenDeployer(IBlueGreenPlatform platform, SmokeTestRunner smoke, IAnalysisClock clock, IDeploymentNotifier notifier, DeploymentHistory? history, Action<string> log)
{
    /// <summary>Runs the release; never throws for a failed check (the result says what happened), only for an unusable platform.</summary>
    public async Task<BlueGreenResult> RunAsync(BlueGreenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = clock.UtcNow;
        var steps = new List<string>();
        void Step(string line)
        {
            steps.Add(line);
            log(line);
        }

        var state = await platform.ReadStateAsync(cancellationToken).ConfigureAwait(false);
        Step($"live state: {state.Describe()}");
        var (colour, previous) = (state.Idle, state.Active);
        if (previous is not null && state.Colours.FirstOrDefault(c => c.Colour == colour && c.IsRunning) is { } leftover)
        {
            // A finished run leaves the idle colour scaled down (or removed): a running one was left by a run that
            // was killed or paused for a decision. Say so, so whoever reruns knows what is being replaced.
            Step($"{colour.Label()} ({leftover.Image}) runs without production traffic, left by a run that did not finish (killed, or paused for a decision): it is replaced");
        }

        await NotifyAsync(DeploymentEvent.Started, request, colour, null, cancellationToken).ConfigureAwait(false);

        var notReady = await platform.DeployAsync(colour, request.Image, cancellationToken).ConfigureAwait(false);
        if (notReady is not null)
        {
            return await StopAsync(request, colour, previous, steps, Step, notReady, null, null, startedAt, RecordedOutcome.Failed, cancellationToken).ConfigureAwait(false);
        }

        Step($"deployed {request.Image.Pinned} to {colour.Label()}");
        await platform.PreviewAsync(colour, cancellationToken).ConfigureAwait(false);
        Step($"preview points at {colour.Label()}: {platform.PreviewUrl}");
        var smokeReport = await smoke.RunAsync(platform.PreviewUrl, request.SmokeChecks, request.Smoke, cancellationToken).ConfigureAwait(false);
        if (!smokeReport.Passed)
        {
            var reason = "smoke tests failed on the preview: " + string.Join("; ", smokeReport.Failures);
            return await StopAsync(request, colour, previous, steps, Step, reason, smokeReport, null, startedAt, RecordedOutcome.Failed, cancellationToken).ConfigureAwait(false);
        }

        Step($"smoke tests passed on the preview ({smokeReport.Results.Length} checks)");
        AnalysisRunResult? pre = null;
        if (request.PrePromotion is { } preTemplate)
        {
            pre = await AnalyseAsync(preTemplate(platform.PreviewUrl), cancellationToken).ConfigureAwait(false);
            if (!pre.Succeeded)
            {
                var outcome = pre.Phase == MeasurementPhase.Inconclusive ? RecordedOutcome.Aborted : RecordedOutcome.Failed;
                var reason = $"pre-promotion analysis {pre.Phase.ToString().ToLowerInvariant()}: {pre.Reason}";
                return await StopAsync(request, colour, previous, steps, Step, reason, smokeReport, pre, startedAt, outcome, cancellationToken).ConfigureAwait(false);
            }

            Step("pre-promotion analysis successful");
        }

        await platform.SwitchAsync(colour, cancellationToken).ConfigureAwait(false);
        var promotedAt = clock.UtcNow;
        Step($"production traffic switched to {colour.Label()}");
        await NotifyAsync(DeploymentEvent.Promoted, request, colour, platform.StableUrl.ToString(), cancellationToken).ConfigureAwait(false);

        AnalysisRunResult? post = null;
        if (request.PostPromotion is { } postTemplate)
        {
            post = await AnalyseAsync(postTemplate(platform.StableUrl), cancellationToken).ConfigureAwait(false);
            if (post.Phase == MeasurementPhase.Failed)
            {
                return await RollBackAsync(request, colour, previous, steps, Step, smokeReport, pre, post, startedAt, promotedAt, cancellationToken).ConfigureAwait(false);
            }

            if (post.Phase == MeasurementPhase.Inconclusive)
            {
                var reason = $"post-promotion analysis inconclusive: {post.Reason}. {colour.Label()} serves and {previous?.Label() ?? "no colour"} stays warm: run ./build.sh Promote to keep it or ./build.sh Rollback to return";
                Step(reason);
                var paused = new BlueGreenResult(RecordedOutcome.Aborted, colour, previous, reason) { Steps = [.. steps], Smoke = smokeReport, PrePromotion = pre, PostPromotion = post, PromotedAt = promotedAt };
                await RecordAsync(request, paused, startedAt, cancellationToken).ConfigureAwait(false);
                return paused;
            }

            Step("post-promotion analysis successful");
        }

        if (previous is { } old)
        {
            Step($"{old.Label()} stays warm for {DurationText.Format(request.ScaleDownDelay)}");
            await clock.DelayAsync(request.ScaleDownDelay, cancellationToken).ConfigureAwait(false);
            await platform.ScaleDownAsync(old, cancellationToken).ConfigureAwait(false);
            Step($"{old.Label()} scaled down");
        }

        var result = new BlueGreenResult(RecordedOutcome.Succeeded, colour, previous, null) { Steps = [.. steps], Smoke = smokeReport, PrePromotion = pre, PostPromotion = post, PromotedAt = promotedAt };
        await RecordAsync(request, result, startedAt, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<AnalysisRunResult> AnalyseAsync(AnalysisTemplate template, CancellationToken cancellationToken)
    {
        log($"analysis {template.Name}: {string.Join(", ", template.Metrics.Select(m => $"{m.Name} x{m.Count} every {DurationText.Format(m.Interval)}"))}");
        return await new AnalysisRunner(clock).RunAsync(template, m => log($"  {m.Metric} #{m.Index}: {(m.Value is { } v ? v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "-")} {m.Phase} {m.Message}"), cancellationToken).ConfigureAwait(false);
    }

    private async Task<BlueGreenResult> RollBackAsync(BlueGreenRequest request, Colour colour, Colour? previous, List<string> steps, Action<string> step, SmokeReport smokeReport, AnalysisRunResult? pre, AnalysisRunResult post, DateTimeOffset startedAt, DateTimeOffset promotedAt, CancellationToken cancellationToken)
    {
        var reason = $"post-promotion analysis failed: {post.Reason}";
        step(reason);
        if (previous is not { } old)
        {
            // Nothing to return to: the new colour keeps serving (something must), and the run fails.
            var stuck = reason + "; there is no previous colour to return to, so it keeps serving";
            var failed = new BlueGreenResult(RecordedOutcome.Failed, colour, null, stuck) { Steps = [.. steps], Smoke = smokeReport, PrePromotion = pre, PostPromotion = post, PromotedAt = promotedAt };
            await RecordAsync(request, failed, startedAt, cancellationToken).ConfigureAwait(false);
            return failed;
        }

        await platform.SwitchAsync(old, cancellationToken).ConfigureAwait(false);
        var failedAt = post.Metrics.SelectMany(m => m.Measurements).Where(m => m.Phase is MeasurementPhase.Failed or MeasurementPhase.Error).Select(m => m.TakenAt).DefaultIfEmpty(post.FinishedAt).Max();
        var latency = clock.UtcNow - failedAt;
        step($"production traffic switched back to {old.Label()}");
        await platform.RemoveAsync(colour, cancellationToken).ConfigureAwait(false);
        step($"{colour.Label()} removed");
        await platform.PreviewAsync(old, cancellationToken).ConfigureAwait(false);
        await NotifyAsync(DeploymentEvent.RolledBack, request, colour, reason, cancellationToken).ConfigureAwait(false);
        var result = new BlueGreenResult(RecordedOutcome.RolledBack, colour, previous, reason)
        {
            Steps = [.. steps],
            Smoke = smokeReport,
            PrePromotion = pre,
            PostPromotion = post,
            PromotedAt = promotedAt,
            RollbackLatency = latency,
        };
        await RecordAsync(request, result, startedAt, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<BlueGreenResult> StopAsync(BlueGreenRequest request, Colour colour, Colour? previous, List<string> steps, Action<string> step, string reason, SmokeReport? smokeReport, AnalysisRunResult? pre, DateTimeOffset startedAt, RecordedOutcome outcome, CancellationToken cancellationToken)
    {
        step(reason);
        if (outcome == RecordedOutcome.Aborted)
        {
            step($"{colour.Label()} stays in the preview for a decision: ./build.sh Promote switches to it, ./build.sh Abort removes it");
        }
        else
        {
            await platform.RemoveAsync(colour, cancellationToken).ConfigureAwait(false);
            step($"{colour.Label()} removed; production stays on {previous?.Label() ?? "nothing (first deployment)"}");
        }

        await NotifyAsync(DeploymentEvent.Stopped, request, colour, reason, cancellationToken).ConfigureAwait(false);
        var result = new BlueGreenResult(outcome, colour, previous, reason) { Steps = [.. steps], Smoke = smokeReport, PrePromotion = pre };
        await RecordAsync(request, result, startedAt, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task NotifyAsync(DeploymentEvent kind, BlueGreenRequest request, Colour colour, string? detail, CancellationToken cancellationToken)
    {
        var warning = await notifier.NotifyAsync(new DeploymentNotification(kind, request.Environment, colour.Label(), request.Image.Pinned, detail), cancellationToken).ConfigureAwait(false);
        if (warning is not null)
        {
            log("warning: " + warning);
        }
    }

    private async Task RecordAsync(BlueGreenRequest request, BlueGreenResult result, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        if (history is null)
        {
            return;
        }

        var record = new DeploymentRecord(request.Environment, result.Colour.Label(), request.Image.Pinned, request.Commit, request.CommitTime, request.Actor,
            startedAt, clock.UtcNow - startedAt, result.Outcome, result.Reason, result.PromotedAt);
        await history.AppendAsync(record, cancellationToken).ConfigureAwait(false);
    }
}
