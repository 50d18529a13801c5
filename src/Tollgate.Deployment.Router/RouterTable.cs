using Yarp.ReverseProxy.Configuration;

namespace Tollgate.Deployment.Router;

/// <summary>
/// The named upstreams and which one is live. Every change publishes one new YARP configuration in a single
/// <c>InMemoryConfigProvider.Update</c>: a request is routed either wholly by the old table or wholly by the new
/// one, and requests already proxied finish against the upstream they started on.
/// </summary>
/// <param name="provider">YARP's in-memory configuration.</param>
public sealed class RouterTable(InMemoryConfigProvider provider)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Uri> upstreams = new(StringComparer.Ordinal);

    /// <summary>The live upstream's name, if any.</summary>
    public string? Live { get; private set; }

    /// <summary>How many changes were published.</summary>
    public long Generation { get; private set; }

    /// <summary>The upstreams by name.</summary>
    public IReadOnlyDictionary<string, Uri> Upstreams
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, Uri>(upstreams, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Adds or replaces an upstream (a live upstream's address can change too).</summary>
    public void Set(string name, Uri address)
    {
        lock (gate)
        {
            upstreams[name] = address;
            Publish();
        }
    }

    /// <summary>Removes an upstream; false when it is live (switch first) or absent.</summary>
    public RouterChange Remove(string name)
    {
        lock (gate)
        {
            if (string.Equals(Live, name, StringComparison.Ordinal))
            {
                return RouterChange.Refused;
            }

            if (!upstreams.Remove(name))
            {
                return RouterChange.NotFound;
            }

            Publish();
            return RouterChange.Done;
        }
    }

    /// <summary>Makes <paramref name="name"/> the live upstream, atomically; returns the previous live one.</summary>
    public (RouterChange Change, string? Previous) SwitchTo(string name)
    {
        lock (gate)
        {
            if (!upstreams.ContainsKey(name))
            {
                return (RouterChange.NotFound, Live);
            }

            var previous = Live;
            Live = name;
            Publish();
            return (RouterChange.Done, previous);
        }
    }

    private void Publish()
    {
        var clusters = upstreams.Select(u => new ClusterConfig
        {
            ClusterId = UpstreamName.ClusterId(u.Key),
            Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal) { ["d"] = new() { Address = u.Value.ToString() } },
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(2) },
        }).ToList();
        var routes = upstreams.Keys.Select(name => new RouteConfig
        {
            RouteId = "preview-" + name,
            ClusterId = UpstreamName.ClusterId(name),
            Order = 0,
            Match = new RouteMatch { Path = $"{RouterOptions.PreviewPrefix}/{name}/{{**rest}}" },
            Transforms = [new Dictionary<string, string>(StringComparer.Ordinal) { ["PathRemovePrefix"] = $"{RouterOptions.PreviewPrefix}/{name}" }],
        }).ToList();
        if (Live is not null)
        {
            routes.Add(new RouteConfig { RouteId = "live", ClusterId = UpstreamName.ClusterId(Live), Order = 100, Match = new RouteMatch { Path = "{**rest}" } });
        }

        provider.Update(routes, clusters);
        Generation++;
    }
}

/// <summary>How a change to the router table went.</summary>
public enum RouterChange
{
    /// <summary>Applied.</summary>
    Done,

    /// <summary>No upstream has that name.</summary>
    NotFound,

    /// <summary>Not allowed (removing the live upstream).</summary>
    Refused,
}
