namespace Tollgate.Deployment.Notifications;

/// <summary>Tells a channel about a deployment. A notification that cannot be delivered never fails the deployment.</summary>
public interface IDeploymentNotifier
{
    /// <summary>Sends the notification; returns null when delivered, else a (masked) warning for the log.</summary>
    Task<string?> NotifyAsync(DeploymentNotification notification, CancellationToken cancellationToken);
}
