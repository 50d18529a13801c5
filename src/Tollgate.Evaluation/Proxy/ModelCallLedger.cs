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

    /// <summary>
    /// Calls that carried neither a trace id nor a label and failed: they cannot be tied to a case, so the run reports
    /// them. (A labelled judge call that failed is already reported by its check, as "not run".)
    /// </summary>
    public IReadOnlyList<ModelCall> UntracedFailures => [.. _all.Where(c => c.TraceId is null && c.Label is null && c.Outcome is ModelCallOutcome.Missed or ModelCallOutcome.Failed)];

    /// <summary>The system under test's calls answered from recordings.</summary>
    public int Replayed => Count(judge: false, ModelCallOutcome.Replayed);

    /// <summary>The system under test's calls sent to the provider (recorded or not).</summary>
    public int Forwarded => Count(judge: false, ModelCallOutcome.Recorded, ModelCallOutcome.Forwarded);

    /// <summary>The system under test's calls with no recording that could not be made.</summary>
    public int Missed => Count(judge: false, ModelCallOutcome.Missed);

    /// <summary>Judge and embedding calls (labelled ones) answered from recordings.</summary>
    public int JudgeReplayed => Count(judge: true, ModelCallOutcome.Replayed);

    /// <summary>Judge and embedding calls sent to the provider.</summary>
    public int JudgeForwarded => Count(judge: true, ModelCallOutcome.Recorded, ModelCallOutcome.Forwarded);

    /// <summary>Judge and embedding calls with no recording that could not be made (their checks did not run).</summary>
    public int JudgeMissed => Count(judge: true, ModelCallOutcome.Missed);

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

    private int Count(bool judge, params ModelCallOutcome[] outcomes) =>
        _all.Count(c => (c.Label is not null) == judge && outcomes.Contains(c.Outcome));

    /// <summary>The calls made under <paramref name="traceId"/>.</summary>
    public IReadOnlyList<ModelCall> ForTrace(string traceId) =>
        _byTrace.TryGetValue(traceId, out var calls) ? [.. calls] : [];
}
