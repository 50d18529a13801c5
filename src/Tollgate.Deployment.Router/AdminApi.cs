using System.Text.Json.Serialization;

namespace Tollgate.Deployment.Router;

/// <summary>
/// The admin API on the admin port: <c>GET /admin/health</c>, <c>GET /admin/state</c>, <c>PUT /admin/upstreams/{name}</c>
/// <c>{"address": "http://host:8080"}</c>, <c>DELETE /admin/upstreams/{name}</c>, <c>PUT /admin/live</c> <c>{"upstream": "name"}</c>.
/// </summary>
internal static class AdminApi
{
    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup(RouterOptions.AdminPrefix);
        admin.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
        admin.MapGet("/state", (RouterTable table, InFlightCounter inFlight) => Results.Ok(State(table, inFlight)));
        admin.MapPut("/upstreams/{name}", (string name, UpstreamRequest request, RouterTable table) =>
        {
            if (!UpstreamName.IsValid(name))
            {
                return Problem(400, $"'{name}' is not an upstream name: use lower-case letters, digits and '-'.");
            }

            if (!Uri.TryCreate(request.Address, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                return Problem(400, $"address '{request.Address}' must be an absolute http(s) URL such as http://research-assistant:8080.");
            }

            table.Set(name, address);
            return Results.Ok(new { name, address });
        });
        admin.MapDelete("/upstreams/{name}", (string name, RouterTable table) => table.Remove(name) switch
        {
            RouterChange.Done => Results.NoContent(),
            RouterChange.Refused => Problem(409, $"'{name}' is live; switch to another upstream before removing it."),
            _ => Results.NoContent(),
        });
        admin.MapPut("/live", (LiveRequest request, RouterTable table) =>
        {
            var (change, previous) = table.SwitchTo(request.Upstream ?? string.Empty);
            return change == RouterChange.Done
                ? Results.Ok(new { live = request.Upstream, previous })
                : Problem(404, $"No upstream is named '{request.Upstream}'; add it with PUT /admin/upstreams/{{name}} first. Upstreams: {string.Join(", ", table.Upstreams.Keys)}.");
        });
    }

    public static RouterState State(RouterTable table, InFlightCounter inFlight) => new(
        table.Live,
        table.Generation,
        [.. table.Upstreams.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new UpstreamState(u.Key, u.Value.ToString(), inFlight.Current(UpstreamName.ClusterId(u.Key))))]);

    private static IResult Problem(int status, string detail) => Results.Problem(detail, statusCode: status);
}

/// <summary>The body of <c>PUT /admin/upstreams/{name}</c>.</summary>
/// <param name="Address">The upstream's base URL.</param>
internal sealed record UpstreamRequest([property: JsonPropertyName("address")] string? Address);

/// <summary>The body of <c>PUT /admin/live</c>.</summary>
/// <param name="Upstream">The upstream to make live.</param>
internal sealed record LiveRequest([property: JsonPropertyName("upstream")] string? Upstream);

/// <summary>The answer of <c>GET /admin/state</c>.</summary>
/// <param name="Live">The live upstream.</param>
/// <param name="Generation">How many changes were published.</param>
/// <param name="Upstreams">Every upstream with its requests in flight.</param>
internal sealed record RouterState(string? Live, long Generation, IReadOnlyList<UpstreamState> Upstreams);

/// <summary>One upstream in <see cref="RouterState"/>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Address">Its base URL.</param>
/// <param name="InFlight">Requests being proxied to it now.</param>
internal sealed record UpstreamState(string Name, string Address, long InFlight);
