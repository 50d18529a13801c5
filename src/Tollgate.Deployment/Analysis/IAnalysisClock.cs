namespace Tollgate.Deployment.Analysis;

/// <summary>The time source of an analysis, so tests replace waiting with a fake clock.</summary>
public interface IAnalysisClock
{
    /// <summary>The current time.</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>Waits for the duration (returns at once for zero or less).</summary>
    Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken);
}
