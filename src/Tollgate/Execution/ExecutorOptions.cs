namespace Tollgate;

/// <summary>How the executor runs a plan.</summary>
internal sealed record ExecutorOptions
{
    /// <summary>How many targets may run at once (<c>--max-parallel</c>); default: the processor count.</summary>
    public int MaxParallel { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether incremental targets run even when up to date (<c>--force</c>).</summary>
    public bool Force { get; init; }

    /// <summary>Targets that succeeded in the failed run being resumed (<c>--continue</c>).</summary>
    public IReadOnlySet<string> PreviouslySucceeded { get; init; } = new HashSet<string>();

    /// <summary>Incremental state; null disables incremental runs.</summary>
    public IncrementalState? Incremental { get; init; }

    /// <summary>Notes targets report about their outcome; null ignores them.</summary>
    public TargetNotes? Notes { get; init; }
}
