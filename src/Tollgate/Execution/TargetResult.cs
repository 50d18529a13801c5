namespace Tollgate;

/// <summary>The outcome of one target.</summary>
/// <param name="Name">The target.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Duration">How long it ran (zero if it did not).</param>
/// <param name="Note">Skip reason, failure message or other short note (masked).</param>
public sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string? Note = null)
{
    /// <summary>Whether the status counts as success for the build and for dependents.</summary>
    public bool IsSuccessful => Status is TargetStatus.Succeeded or TargetStatus.Skipped or TargetStatus.UpToDate or TargetStatus.Collective;
}
