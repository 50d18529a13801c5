namespace Tollgate.Deployment;

/// <summary>
/// Where releases run: Kubernetes (helm and kubectl) or local containers behind a router. A platform deploys an image
/// to an environment, verifies it (rollout, smoke tests), rolls it back when verification fails, and removes an
/// environment. Every method converges: running it again after an interruption finishes or undoes the interrupted work.
/// </summary>
public interface IDeploymentPlatform
{
    /// <summary>The platform this implements.</summary>
    PlatformKind Kind { get; }

    /// <summary>
    /// Deploys the image and verifies it. A failed verification rolls back to the previous release and returns
    /// <see cref="DeploymentOutcome.RolledBack"/> (or <see cref="DeploymentOutcome.Failed"/> when there was none).
    /// </summary>
    /// <exception cref="DeploymentException">The platform could not be used at all (tool missing, unreachable, bad input).</exception>
    Task<DeploymentResult> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken);

    /// <summary>Removes everything the environment's release runs (idempotent: an absent environment is not an error).</summary>
    /// <returns>Lines saying what was removed.</returns>
    Task<IReadOnlyList<string>> DestroyAsync(DeploymentEnvironment environment, CancellationToken cancellationToken);
}
