namespace Tollgate.Deployment;

/// <summary>How a deployment ended.</summary>
public enum DeploymentOutcome
{
    /// <summary>The new release serves the environment.</summary>
    Deployed,

    /// <summary>The new release failed its rollout or smoke tests; the previous release serves again.</summary>
    RolledBack,

    /// <summary>The new release failed and there was no previous release to return to; nothing serves.</summary>
    Failed,
}
