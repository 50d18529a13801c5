using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Deployment.Local;

/// <summary>
/// Talks to the router's admin API (src/Tollgate.Deployment.Router): named upstreams, an atomic switch of the live one,
/// requests in flight per upstream, and <c>/preview/{name}/</c> URLs that reach an upstream before it is live.
/// </summary>
/// <param name="http">The client.</param>
/// <param name="adminUrl">The admin listener, e.g. <c>http://127.0.0.1:49213/</c>.</param>
internal sealed class RouterClient(HttpClient http, Uri adminUrl)
{
    /// <summary>The admin listener's URL.</summary>
    public Uri AdminUrl { get; } = adminUrl;

    /// <summary>The URL that reaches upstream <paramref name="name"/> whether it is live or not.</summary>
    public Uri PreviewUrl(string name) => new(AdminUrl, $"preview/{name}/");

    /// <summary>Whether the router answers its health endpoint.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(AdminUrl, "admin/health"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The live upstream and every upstream with its requests in flight.</summary>
    public async Task<RouterSnapshot> GetStateAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<RouterSnapshot>(new Uri(AdminUrl, "admin/state"), cancellationToken).ConfigureAwait(false)
            ?? throw new DeploymentException($"The router at {AdminUrl} answered GET /admin/state with nothing.");

    /// <summary>Adds or replaces upstream <paramref name="name"/> at <paramref name="address"/>.</summary>
    public async Task SetUpstreamAsync(string name, Uri address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var response = await http.PutAsJsonAsync(new Uri(AdminUrl, $"admin/upstreams/{name}"), new UpstreamBody(address.ToString()), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, $"PUT /admin/upstreams/{name}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes upstream <paramref name="name"/> (absent is fine; the live one is refused).</summary>
    public async Task RemoveUpstreamAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(new Uri(AdminUrl, $"admin/upstreams/{name}"), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, $"DELETE /admin/upstreams/{name}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes <paramref name="name"/> the live upstream in one atomic step.</summary>
    public async Task SwitchAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(new Uri(AdminUrl, "admin/live"), new LiveBody(name), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, $"PUT /admin/live {name}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until no request to <paramref name="name"/> is in flight, or <paramref name="timeout"/> elapses.</summary>
    /// <returns>True when it drained; false when requests were still in flight at the timeout.</returns>
    public async Task<bool> WaitForDrainAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
            var upstream = state.Upstreams.FirstOrDefault(u => u.Name == name);
            if (upstream is null || upstream.InFlight == 0)
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new DeploymentException($"The router at {AdminUrl} refused {what}: HTTP {(int)response.StatusCode} {(response.StatusCode == HttpStatusCode.Conflict ? "(conflict) " : string.Empty)}{body}");
    }

    private sealed record UpstreamBody([property: JsonPropertyName("address")] string Address);

    private sealed record LiveBody([property: JsonPropertyName("upstream")] string Upstream);
}

/// <summary>The router's state.</summary>
/// <param name="Live">The live upstream, if any.</param>
/// <param name="Generation">How many changes it published.</param>
/// <param name="Upstreams">Every upstream.</param>
internal sealed record RouterSnapshot(
    [property: JsonPropertyName("live")] string? Live,
    [property: JsonPropertyName("generation")] long Generation,
    [property: JsonPropertyName("upstreams")] IReadOnlyList<RouterUpstream> Upstreams);

/// <summary>One upstream of the router.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Address">Its base URL.</param>
/// <param name="InFlight">Requests being proxied to it.</param>
internal sealed record RouterUpstream(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("inFlight")] long InFlight);
