namespace ResearchAssistant.Metrics;

/// <summary>A thread-safe cumulative histogram with fixed upper bounds, as Prometheus exposes it.</summary>
public sealed class Histogram
{
    private readonly long[] _bucketCounts;
    private long _count;
    private double _sum;

    public Histogram(IReadOnlyList<double> upperBounds)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        UpperBounds = upperBounds;
        _bucketCounts = new long[upperBounds.Count];
    }

    public IReadOnlyList<double> UpperBounds { get; }

    public long Count => Interlocked.Read(ref _count);

    public double Sum => Volatile.Read(ref _sum);

    public void Observe(double value)
    {
        for (var i = 0; i < UpperBounds.Count; i++)
        {
            if (value <= UpperBounds[i])
            {
                Interlocked.Increment(ref _bucketCounts[i]);
                break;
            }
        }

        Interlocked.Increment(ref _count);
        AtomicDouble.Add(ref _sum, value);
    }

    /// <summary>Cumulative counts per upper bound (each bucket counts every observation at or below its bound).</summary>
    public IReadOnlyList<long> CumulativeCounts()
    {
        var cumulative = new long[_bucketCounts.Length];
        long running = 0;
        for (var i = 0; i < _bucketCounts.Length; i++)
        {
            running += Interlocked.Read(ref _bucketCounts[i]);
            cumulative[i] = running;
        }

        return cumulative;
    }
}
