namespace Tollgate.Deployment.Analysis;

/// <summary>
/// One metric of an analysis, as in Argo Rollouts' AnalysisTemplate: measured <see cref="Count"/> times,
/// <see cref="Interval"/> apart, after <see cref="InitialDelay"/>. Each measurement is Failed when the failure condition
/// holds; Successful when the success condition holds; Inconclusive when both conditions are given and neither holds;
/// Failed when only a success condition is given and it does not hold. The metric fails once more than
/// <see cref="FailureLimit"/> measurements failed, errs once more than <see cref="ConsecutiveErrorLimit"/> measurements
/// in a row could not be taken, and is inconclusive once more than <see cref="InconclusiveLimit"/> were inconclusive.
/// </summary>
/// <param name="Name">The metric's name in the summary (e.g. <c>error-rate</c>).</param>
/// <param name="Provider">Where measurements come from.</param>
public sealed record AnalysisMetric(string Name, IMetricProvider Provider)
{
    /// <summary>Time between measurements (default 10 s).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Number of measurements (default 1).</summary>
    public int Count { get; init; } = 1;

    /// <summary>Time before the first measurement, e.g. to let the new colour warm up (default none).</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The condition a good measurement meets, or null.</summary>
    public MetricCondition? SuccessCondition { get; init; }

    /// <summary>The condition a bad measurement meets, or null.</summary>
    public MetricCondition? FailureCondition { get; init; }

    /// <summary>Failed measurements tolerated; one more fails the metric (default 0, as Argo).</summary>
    public int FailureLimit { get; init; }

    /// <summary>Inconclusive measurements tolerated; one more makes the metric inconclusive (default 0, as Argo).</summary>
    public int InconclusiveLimit { get; init; }

    /// <summary>Consecutive measurement errors tolerated; one more errs the metric (default 4, as Argo).</summary>
    public int ConsecutiveErrorLimit { get; init; } = 4;

    /// <summary>Throws when a field is out of range, naming it and the fix.</summary>
    /// <exception cref="TollgateException">A count, interval or limit is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new TollgateException("An analysis metric has no name: give every metric a name for the summary.");
        }

        if (Count < 1)
        {
            throw new TollgateException($"Analysis metric '{Name}': count is {Count}; it must be at least 1.");
        }

        if (Interval <= TimeSpan.Zero && Count > 1)
        {
            throw new TollgateException($"Analysis metric '{Name}': interval is {Interval}; measuring {Count} times needs a positive interval.");
        }

        if (InitialDelay < TimeSpan.Zero || FailureLimit < 0 || InconclusiveLimit < 0 || ConsecutiveErrorLimit < 0)
        {
            throw new TollgateException($"Analysis metric '{Name}': the initial delay and the failure, inconclusive and consecutive-error limits must not be negative.");
        }
    }

    /// <summary>Classifies one measured value by the conditions.</summary>
    public MeasurementPhase Classify(double value)
    {
        if (FailureCondition is { } failure && failure.IsMetBy(value))
        {
            return MeasurementPhase.Failed;
        }

        if (SuccessCondition is { } success)
        {
            return success.IsMetBy(value) ? MeasurementPhase.Successful
                : FailureCondition is null ? MeasurementPhase.Failed : MeasurementPhase.Inconclusive;
        }

        return MeasurementPhase.Successful;
    }
}
