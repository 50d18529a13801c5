namespace Tollgate.Evaluation;

/// <summary>
/// A concurrency limit that halves when the provider throttles (429) and grows back by one after a limit's worth of
/// successes, up to the configured maximum (additive increase, multiplicative decrease).
/// </summary>
internal sealed class AdaptiveConcurrency
{
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private int _inFlight;
    private int _successesSinceChange;

    /// <summary>Creates a limiter that starts at, and never exceeds, <paramref name="maximum"/>.</summary>
    public AdaptiveConcurrency(int maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, 1);
        Maximum = maximum;
        Limit = maximum;
    }

    /// <summary>The configured maximum.</summary>
    public int Maximum { get; }

    /// <summary>The current limit.</summary>
    public int Limit { get; private set; }

    /// <summary>The lowest limit reached (for reports).</summary>
    public int LowestLimit { get; private set; } = int.MaxValue;

    /// <summary>Waits for a slot.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_inFlight < Limit)
            {
                _inFlight++;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }

        using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
        {
            await waiter.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Returns a slot.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _inFlight--;
            Pump();
        }
    }

    /// <summary>The provider throttled: halve the limit.</summary>
    public void OnThrottled()
    {
        lock (_gate)
        {
            Limit = Math.Max(1, Limit / 2);
            LowestLimit = Math.Min(LowestLimit, Limit);
            _successesSinceChange = 0;
        }
    }

    /// <summary>A call succeeded: after <see cref="Limit"/> successes, grow by one.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            if (Limit < Maximum && ++_successesSinceChange >= Limit)
            {
                Limit++;
                _successesSinceChange = 0;
                Pump();
            }
        }
    }

    private void Pump()
    {
        while (_inFlight < Limit && _waiters.Count > 0)
        {
            var next = _waiters.Dequeue();
            if (next.TrySetResult())
            {
                _inFlight++;
            }
        }
    }
}
