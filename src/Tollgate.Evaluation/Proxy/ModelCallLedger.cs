using System.Collections.Concurrent;

namespace Tollgate.Evaluation;

/// <summary>
/// The model calls the proxy served, by trace id: the runner asks for the calls of a case attempt (it sent the trace id
/// in <c>traceparent</c>), so a miss fails the case that caused it. Thread-safe.
/// </summary>
public sealed class ModelCallLedger
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ModelCall>> _byTrace = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ModelCall> _all = new();

    /// <summary>Every call so far.</summary>
    public IReadOnlyList<ModelCall> Calls => [.. _all];

    /// <summary>Calls that carried no trace id and failed: they cannot be tied to a case, so the run reports them.</summary>
    public IReadOnlyList<ModelCall> UntracedFailures => [.. _all.Where(c => c.TraceId is null && c.Outcome is ModelCallOutcome.Missed or ModelCallOutcome.Failed)];

    /// <summary>Calls answered from recordings.</summary>
    public int Replayed => _all.Count(c => c.Outcome == ModelCallOutcome.Replayed);

    /// <summary>Calls sent to the provider (recorded or not).</summary>
    public int Forwarded => _all.Count(c => c.Outcome is ModelCallOutcome.Recorded or ModelCallOutcome.Forwarded);

    /// <summary>Calls with no recording that could not be made.</summary>
    public int Missed => _all.Count(c => c.Outcome == ModelCallOutcome.Missed);

    /// <summary>Records a call.</summary>
    public void Add(ModelCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _all.Enqueue(call);
        if (call.TraceId is { } trace)
        {
            _byTrace.GetOrAdd(trace, _ => new ConcurrentQueue<ModelCall>()).Enqueue(call);
        }
    }

    /// <summary>The calls made under <paramref name="traceId"/>.</summary>
    public IReadOnlyList<ModelCall> ForTrace(string traceId) =>
        _byTrace.TryGetValue(traceId, out var calls) ? [.. calls] : [];
}
