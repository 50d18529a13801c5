namespace Tollgate.Deployment.Notifications;

/// <summary>What a channel is told.</summary>
/// <param name="Event">The moment.</param>
/// <param name="Environment">The environment.</param>
/// <param name="Colour">The colour concerned.</param>
/// <param name="ImageDigest">The image by digest.</param>
/// <param name="Detail">Why (a rollback reason) or what next (the URL).</param>
public sealed record DeploymentNotification(DeploymentEvent Event, string Environment, string Colour, string ImageDigest, string? Detail = null)
{
    /// <summary>The message as one line of text (Slack mrkdwn).</summary>
    public string ToText()
    {
        var head = Event switch
        {
            DeploymentEvent.Started => $":rocket: Deploying `{ImageDigest}` to *{Environment}* ({Colour})",
            DeploymentEvent.Promoted => $":white_check_mark: *{Environment}* now serves {Colour}: `{ImageDigest}`",
            DeploymentEvent.RolledBack => $":rewind: *{Environment}* rolled back from {Colour} (`{ImageDigest}`)",
            _ => $":octagonal_sign: Deployment of `{ImageDigest}` to *{Environment}* ({Colour}) stopped before production",
        };
        return Detail is null ? head : $"{head}: {Detail}";
    }
}
