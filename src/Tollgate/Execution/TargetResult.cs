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

    /// <summary>
    /// For a failed target, everything that says why (the exception's message; a stack trace only for exceptions that are
    /// not <see cref="TollgateException"/>, which are bugs). Hosts print it once, where the target ends; <see cref="Note"/>
    /// is its first line.
    /// </summary>
    public string? Failure { get; init; }
}
