using System.Net.Http.Json;

namespace Tollgate.Deployment.Notifications;

/// <summary>
/// Posts <c>{"text": "..."}</c> to a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat, Teams
/// workflows). The webhook URL is a secret: it never appears in a warning, only <c>***</c> does.
/// </summary>
/// <param name="http">The HTTP client (owned by the caller).</param>
/// <param name="webhook">The webhook URL.</param>
public sealed class SlackWebhookNotifier(HttpClient http, Uri webhook) : IDeploymentNotifier
{
    /// <inheritdoc />
    public async Task<string?> NotifyAsync(DeploymentNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        try
        {
            using var response = await http.PostAsJsonAsync(webhook, new { text = notification.ToText() }, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? null
                : $"The deployment webhook (***) answered {(int)response.StatusCode} {response.ReasonPhrase}; the {notification.Event} message was not delivered.";
        }
        catch (HttpRequestException e)
        {
            return $"The deployment webhook (***) could not be reached ({Mask(e.Message)}); the {notification.Event} message was not delivered.";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"The deployment webhook (***) timed out; the {notification.Event} message was not delivered.";
        }
    }

    private string Mask(string text) => text
        .Replace(webhook.ToString(), "***", StringComparison.Ordinal)
        .Replace(webhook.Authority, "***", StringComparison.Ordinal);
}
