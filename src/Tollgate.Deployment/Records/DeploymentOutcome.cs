namespace Tollgate.Deployment.Records;

/// <summary>How a deployment ended.</summary>
public enum DeploymentOutcome
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
