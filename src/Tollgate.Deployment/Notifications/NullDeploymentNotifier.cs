namespace Tollgate.Deployment.Notifications;

/// <summary>No channel configured: nothing is sent.</summary>
public sealed class NullDeploymentNotifier : IDeploymentNotifier
{
    /// <summary>The one instance.</summary>
    public static NullDeploymentNotifier Instance { get; } = new();

    /// <inheritdoc />
    public Task<string?> NotifyAsync(DeploymentNotification notification, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
