using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tollgate.Deployment.Notifications;
using Tollgate.Deployment.Tests.Support;

namespace Tollgate.Deployment.Tests.Notifications;

public class SlackWebhookNotifierTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Start_promotion_and_rollback_messages_are_posted_as_slack_json()
    {
        await using var receiver = await LocalHttpServer.StartAsync(() => "ok", "text/plain");
        var notifier = new SlackWebhookNotifier(Http, new Uri(receiver.Url, "services/T000/B000/XXXXSECRET"));

        (await notifier.NotifyAsync(new DeploymentNotification(DeploymentEvent.Started, "prod", "green", "ra@sha256:abc"), CancellationToken.None)).Should().BeNull();
        (await notifier.NotifyAsync(new DeploymentNotification(DeploymentEvent.Promoted, "prod", "green", "ra@sha256:abc", "http://127.0.0.1:8080"), CancellationToken.None)).Should().BeNull();
        (await notifier.NotifyAsync(new DeploymentNotification(DeploymentEvent.RolledBack, "prod", "green", "ra@sha256:abc", "error-rate failed"), CancellationToken.None)).Should().BeNull();

        receiver.Requests.Select(r => r.PathAndQuery).Should().AllBe("/services/T000/B000/XXXXSECRET");
        receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).Should().Equal(
            ":rocket: Deploying `ra@sha256:abc` to *prod* (green)",
            ":white_check_mark: *prod* now serves green: `ra@sha256:abc`: http://127.0.0.1:8080",
            ":rewind: *prod* rolled back from green (`ra@sha256:abc`): error-rate failed");
    }

    [Fact]
    public async Task A_failed_delivery_is_a_warning_that_never_shows_the_webhook_url()
    {
        await using var receiver = await LocalHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("no_service");
        });
        var url = new Uri(receiver.Url, "services/T000/B000/XXXXSECRET");
        var warning = await new SlackWebhookNotifier(Http, url).NotifyAsync(new DeploymentNotification(DeploymentEvent.Stopped, "prod", "blue", "d"), CancellationToken.None);

        warning.Should().Be("The deployment webhook (***) answered 404 Not Found; the Stopped message was not delivered.");
    }

    [Fact]
    public async Task An_unreachable_webhook_is_a_masked_warning()
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/services/XXXXSECRET");
        var warning = await new SlackWebhookNotifier(Http, url).NotifyAsync(new DeploymentNotification(DeploymentEvent.Started, "prod", "blue", "d"), CancellationToken.None);

        warning.Should().StartWith("The deployment webhook (***) could not be reached").And.NotContain("XXXXSECRET").And.NotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
