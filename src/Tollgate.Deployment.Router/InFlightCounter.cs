using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Tollgate.Deployment.Router;

/// <summary>Requests being proxied per cluster, so a deploy can wait for the old upstream to drain before removing it.</summary>
public sealed class InFlightCounter
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> counts = new(StringComparer.Ordinal);

    /// <summary>Counts a request to <paramref name="clusterId"/> until the returned scope is disposed.</summary>
    public IDisposable Enter(string clusterId)
    {
        var box = counts.GetOrAdd(clusterId, _ => new StrongBox<long>());
        Interlocked.Increment(ref box.Value);
        return new Scope(box);
    }

    /// <summary>The requests in flight to <paramref name="clusterId"/>.</summary>
    public long Current(string clusterId) => counts.TryGetValue(clusterId, out var box) ? Interlocked.Read(ref box.Value) : 0;

    private sealed class Scope(StrongBox<long> box) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref box.Value);
            }
        }
    }
}
