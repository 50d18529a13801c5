namespace Tollgate.Deployment.Records;

/// <summary>How a recorded deployment ended (the history distinguishes a failure before production from a rollback after it).</summary>
public enum RecordedOutcome
{
    /// <summary>The new version serves production.</summary>
    Succeeded,

    /// <summary>The new version served production and was rolled back (a change failure).</summary>
    RolledBack,

    /// <summary>The new version never served production (smoke tests or pre-promotion analysis failed).</summary>
    Failed,

    /// <summary>Stopped for a decision (inconclusive analysis) or aborted by hand before promotion.</summary>
    Aborted,
}
