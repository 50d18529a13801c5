namespace Tollgate.Deployment.Records;

/// <summary>One deployment in the history.</summary>
/// <param name="Environment">The environment (e.g. <c>prod</c>).</param>
/// <param name="Colour">The colour deployed (<c>blue</c>, <c>green</c>), or the release name on a single-colour platform.</param>
/// <param name="ImageDigest">The image by digest (<c>repo@sha256:...</c>).</param>
/// <param name="Commit">The commit the image was built from.</param>
/// <param name="CommitTime">When that commit was made (for lead time), if known.</param>
/// <param name="Actor">Who or what started it (the CI actor or the local user).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Reason">Why it was rolled back, failed or aborted; null when it succeeded.</param>
/// <param name="PromotedAt">When the new version took production traffic, if it did (the start of a change failure's outage).</param>
public sealed record DeploymentRecord(
    string Environment,
    string Colour,
    string ImageDigest,
    string Commit,
    DateTimeOffset? CommitTime,
    string Actor,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    RecordedOutcome Outcome,
    string? Reason,
    DateTimeOffset? PromotedAt = null)
{
    /// <summary>When it ended.</summary>
    public DateTimeOffset FinishedAt => StartedAt + Duration;

    /// <summary>Whether the new version reached production and then had to be undone (DORA's change failure).</summary>
    public bool IsChangeFailure => Outcome == RecordedOutcome.RolledBack;

    /// <summary>Whether the deployment changed production (succeeded or rolled back): what DORA counts as a deployment.</summary>
    public bool ReachedProduction => Outcome is RecordedOutcome.Succeeded or RecordedOutcome.RolledBack;
}
