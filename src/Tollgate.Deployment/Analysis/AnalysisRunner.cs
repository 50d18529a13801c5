using System.Collections.Immutable;

namespace Tollgate.Deployment.Analysis;

/// <summary>
/// Runs an analysis (Argo Rollouts' AnalysisRun): measures every metric on its own schedule, one measurement at a
/// time in due order, and stops as soon as a metric fails or errs so a rollback starts without waiting for the rest.
/// </summary>
/// <param name="clock">The time source; tests pass a fake clock.</param>
internal sealed class AnalysisRunner(IAnalysisClock clock)
{
    /// <summary>Runs the analysis; <paramref name="onMeasurement"/> sees each measurement as it is taken (for the log).</summary>
    /// <exception cref="TollgateException">The template is invalid.</exception>
    public async Task<AnalysisRunResult> RunAsync(AnalysisTemplate template, Action<Measurement>? onMeasurement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        template.Validate();
        var startedAt = clock.UtcNow;
        var trackers = template.Metrics.Select(m => new MetricTracker(m, startedAt)).ToList();
        while (trackers.Where(t => !t.IsDone).MinBy(t => t.NextDue) is { } next)
        {
            await clock.DelayAsync(next.NextDue - clock.UtcNow, cancellationToken).ConfigureAwait(false);
            var (reading, error) = await MeasureAsync(next.Metric.Provider, cancellationToken).ConfigureAwait(false);
            var measurement = next.Record(clock.UtcNow, reading, error);
            onMeasurement?.Invoke(measurement);
            if (next.Outcome is MeasurementPhase.Failed or MeasurementPhase.Error)
            {
                foreach (var other in trackers)
                {
                    other.Stop($"stopped: {next.Metric.Name} {next.Outcome.Value.ToString().ToLowerInvariant()}");
                }
            }
        }

        var metrics = trackers.Select(t => t.ToResult()).ToImmutableArray();
        var phase = metrics.Any(m => m.Phase is MeasurementPhase.Failed or MeasurementPhase.Error) ? MeasurementPhase.Failed
            : metrics.Any(m => m.Phase == MeasurementPhase.Inconclusive) ? MeasurementPhase.Inconclusive
            : MeasurementPhase.Successful;
        return new AnalysisRunResult(template.Name, phase, metrics, startedAt, clock.UtcNow);
    }

    private static async Task<(MetricReading? Reading, string? Error)> MeasureAsync(IMetricProvider provider, CancellationToken cancellationToken)
    {
        try
        {
            return (await provider.MeasureAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (MetricProviderException e)
        {
            return (null, e.Message);
        }
        catch (HttpRequestException e)
        {
            return (null, $"{provider.Description}: {e.Message}");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout, not the build being cancelled.
            return (null, $"{provider.Description}: timed out ({e.Message})");
        }
    }
}
