using System.Collections.Immutable;
using System.Globalization;

namespace Tollgate.Deployment.Analysis;

/// <summary>One metric's progress through a run: its measurements, counters and, once decided, its outcome.</summary>
internal sealed class MetricTracker(AnalysisMetric metric, DateTimeOffset start)
{
    private readonly ImmutableArray<Measurement>.Builder _measurements = ImmutableArray.CreateBuilder<Measurement>();
    private int _consecutiveErrors;

    public AnalysisMetric Metric { get; } = metric;

    public MeasurementPhase? Outcome { get; private set; }

    public string Message { get; private set; } = "not measured";

    public DateTimeOffset NextDue => start + Metric.InitialDelay + (Metric.Interval * _measurements.Count);

    public bool IsDone => Outcome is not null;

    public Measurement Record(DateTimeOffset takenAt, MetricReading? reading, string? error)
    {
        var index = _measurements.Count + 1;
        var measurement = error is not null
            ? new Measurement(Metric.Name, index, takenAt, MeasurementPhase.Error, null, error)
            : reading!.Value is { } value
                ? new Measurement(Metric.Name, index, takenAt, Metric.Classify(value), value, reading.Detail)
                : new Measurement(Metric.Name, index, takenAt, MeasurementPhase.Inconclusive, null, reading.Detail ?? "no data");
        _measurements.Add(measurement);
        _consecutiveErrors = measurement.Phase == MeasurementPhase.Error ? _consecutiveErrors + 1 : 0;
        Decide();
        return measurement;
    }

    public void Stop(string reason)
    {
        if (Outcome is null)
        {
            // Stopped because another metric decided the run: what was measured so far stands.
            Outcome = MeasurementPhase.Successful;
            Message = $"{reason} after {_measurements.Count} of {Metric.Count} measurements";
        }
    }

    public MetricResult ToResult() => new(Metric.Name, Outcome ?? MeasurementPhase.Successful, _measurements.ToImmutable(), Message);

    private void Decide()
    {
        var failed = Count(MeasurementPhase.Failed);
        var inconclusive = Count(MeasurementPhase.Inconclusive);
        var conditions = string.Join(", ", new[] { Metric.SuccessCondition is { } s ? $"success when {s}" : null, Metric.FailureCondition is { } f ? $"failure when {f}" : null }.OfType<string>());
        if (failed > Metric.FailureLimit)
        {
            Finish(MeasurementPhase.Failed, $"{failed} failed measurement(s), limit {Metric.FailureLimit} ({conditions})");
        }
        else if (_consecutiveErrors > Metric.ConsecutiveErrorLimit)
        {
            Finish(MeasurementPhase.Error, $"{_consecutiveErrors} consecutive errors, limit {Metric.ConsecutiveErrorLimit}; last: {_measurements[^1].Message}");
        }
        else if (inconclusive > Metric.InconclusiveLimit)
        {
            Finish(MeasurementPhase.Inconclusive, $"{inconclusive} inconclusive measurement(s), limit {Metric.InconclusiveLimit}; last: {_measurements[^1].Message}");
        }
        else if (_measurements.Count >= Metric.Count)
        {
            Finish(MeasurementPhase.Successful, string.Create(CultureInfo.InvariantCulture, $"{Metric.Count} measurement(s): {Count(MeasurementPhase.Successful)} successful, {failed} failed, {inconclusive} inconclusive, {Count(MeasurementPhase.Error)} errors"));
        }
    }

    private int Count(MeasurementPhase phase) => _measurements.Count(m => m.Phase == phase);

    private void Finish(MeasurementPhase phase, string message)
    {
        Outcome = phase;
        Message = message;
    }
}
