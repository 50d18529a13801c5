namespace Tollgate.Deployment.Analysis;

/// <summary>The real clock.</summary>
public sealed class SystemAnalysisClock : IAnalysisClock
{
    /// <summary>The one instance.</summary>
    public static SystemAnalysisClock Instance { get; } = new();

    /// <inheritdoc />
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    /// <inheritdoc />
    public Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken) =>
        duration <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(duration, cancellationToken);
}
