using Tollgate.Deployment.Analysis;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>A clock that moves forward by exactly the requested delay, at once: schedules are checked without waiting.</summary>
public sealed class FakeClock(DateTimeOffset start) : IAnalysisClock
{
    public FakeClock()
        : this(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public DateTimeOffset UtcNow { get; private set; } = start;

    public List<TimeSpan> Delays { get; } = [];

    public void Advance(TimeSpan by) => UtcNow += by;

    public Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (duration > TimeSpan.Zero)
        {
            Delays.Add(duration);
            UtcNow += duration;
        }

        return Task.CompletedTask;
    }
}
