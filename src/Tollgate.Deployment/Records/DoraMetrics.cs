namespace Tollgate.Deployment.Records;

/// <summary>The four DORA metrics over a window of the history.</summary>
/// <param name="Environment">The environment the records were taken from.</param>
/// <param name="From">The window's start.</param>
/// <param name="To">The window's end.</param>
/// <param name="Deployments">Deployments that reached production (succeeded or rolled back).</param>
/// <param name="ChangeFailures">Deployments rolled back after reaching production.</param>
/// <param name="Attempts">Every record in the window, including those stopped before production.</param>
/// <param name="MedianLeadTime">Median time from commit to production over successful deployments with a commit time.</param>
/// <param name="MedianTimeToRestore">Median time from a change failure's promotion to its rollback.</param>
public sealed record DoraMetrics(
    string Environment,
    DateTimeOffset From,
    DateTimeOffset To,
    int Deployments,
    int ChangeFailures,
    int Attempts,
    TimeSpan? MedianLeadTime,
    TimeSpan? MedianTimeToRestore)
{
    /// <summary>Deployments per day over the window.</summary>
    public double DeploymentsPerDay => Deployments / Math.Max((To - From).TotalDays, 1);

    /// <summary>Change failures divided by deployments, or null without deployments.</summary>
    public double? ChangeFailureRate => Deployments == 0 ? null : (double)ChangeFailures / Deployments;

    /// <summary>The DORA frequency band: on demand (several a day), daily to weekly, weekly to monthly, less than monthly.</summary>
    public string FrequencyBand => DeploymentsPerDay switch
    {
        >= 1 => "elite (on demand, daily or more)",
        >= 1.0 / 7 => "high (between daily and weekly)",
        >= 1.0 / 30 => "medium (between weekly and monthly)",
        _ => "low (less than monthly)",
    };

    /// <summary>Computes the metrics for one environment over <c>[to - window, to]</c>.</summary>
    public static DoraMetrics Compute(IEnumerable<DeploymentRecord> history, string environment, DateTimeOffset to, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(history);
        var from = to - window;
        var records = history.Where(r => r.Environment == environment && r.StartedAt >= from && r.StartedAt <= to).ToList();
        var deployed = records.Where(r => r.ReachedProduction).ToList();
        var failures = deployed.Where(r => r.IsChangeFailure).ToList();
        var leadTimes = deployed.Where(r => r.Outcome == RecordedOutcome.Succeeded && r.CommitTime is not null)
            .Select(r => r.FinishedAt - r.CommitTime!.Value);
        var restores = failures.Select(r => r.FinishedAt - (r.PromotedAt ?? r.StartedAt));
        return new DoraMetrics(environment, from, to, deployed.Count, failures.Count, records.Count, Median(leadTimes), Median(restores));
    }

    private static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
