namespace Tollgate.Evaluation.Tests;

/// <summary>An <see cref="IBuildProgress"/> that records what it was told.</summary>
public sealed class RecordingProgress : IBuildProgress
{
    private readonly List<string?> _statuses = [];

    public int Count { get; private set; }

    public IReadOnlyList<string?> Statuses => _statuses;

    public bool Disposed { get; private set; }

    public void Increment(int count = 1, string? status = null)
    {
        Count += count;
        _statuses.Add(status);
    }

    public void Dispose() => Disposed = true;
}
