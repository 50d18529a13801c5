namespace Tollgate.Deployment.Notifications;

/// <summary>The moments of a deployment a channel hears about.</summary>
public enum DeploymentEvent
{
    /// <summary>A deployment started.</summary>
    Started,

    /// <summary>The new colour took production traffic.</summary>
    Promoted,

    /// <summary>Production traffic went back to the previous colour.</summary>
    RolledBack,

    /// <summary>The deployment stopped before production (smoke tests, pre-promotion analysis, an inconclusive result).</summary>
    Stopped,
}
