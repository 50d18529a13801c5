using System.Collections.Immutable;
using System.Globalization;
using Tollgate.Containers;
using Tollgate.Deployment.Local;

namespace Tollgate.Deployment.BlueGreen;

/// <summary>
/// Blue-green on this machine's container engine: each colour is a container <c>tollgate-&lt;release&gt;-&lt;colour&gt;</c>
/// labelled with its colour and image, on the environment's private network behind the router container of the local
/// platform (which publishes the environment's port). Production traffic goes to the router's live upstream
/// (<c>blue</c> or <c>green</c>), switched atomically; the preview is the router's <c>preview</c> upstream and the
/// colour's own port on 127.0.0.1, so smoke tests and analysis reach the idle colour directly. The live state is read
/// from the router and the container labels every time, never from a file.
/// </summary>
/// <param name="client">The container engine.</param>
/// <param name="routerImage">Provides the router image.</param>
/// <param name="http">For the router's admin API and health checks.</param>
/// <param name="options">Session label, timeouts, the container port.</param>
/// <param name="environment">The environment (release name, router port).</param>
/// <param name="log">Receives one line per step.</param>
public sealed partial class LocalBlueGreenPlatform(ContainerEngineClient client, RouterImage routerImage, HttpClient http, LocalPlatformOptions options, DeploymentEnvironment environment, Action<string> log) : IBlueGreenPlatform, IDisposable
{
    /// <summary>The role label of a colour's container.</summary>
    public const string Role = "colour";

    /// <summary>The router upstream that names the previewed colour.</summary>
    public const string PreviewUpstream = "preview";

    private readonly LocalRouterHost _host = new(client, routerImage, http, options);
    private RouterClient? _router;
    private Colour? _preview;

    /// <summary>Variables every colour's container gets (model settings, secrets), besides APP_VERSION and ASPNETCORE_URLS.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>What the platform owns and disposes with itself (the engine client and HTTP client a build created for it).</summary>
    public IReadOnlyList<IDisposable> Owned { get; init; } = [];

    /// <inheritdoc />
    public Uri StableUrl => environment.Url;

    /// <inheritdoc />
    /// <remarks>The previewed colour's own published port (known once the state was read and the preview set).</remarks>
    public Uri PreviewUrl => _preview is { } colour && _directUrls.TryGetValue(colour, out var url)
        ? url
        : throw new InvalidOperationException("No colour is previewed yet: read the state and call PreviewAsync first.");

    private readonly Dictionary<Colour, Uri> _directUrls = [];

    /// <summary>The container name of a colour.</summary>
    public string ContainerName(Colour colour) => $"tollgate-{environment.Release}-{colour.Label()}";

    /// <inheritdoc />
    public async Task<BlueGreenState> ReadStateAsync(CancellationToken cancellationToken)
    {
        var router = await RouterAsync(cancellationToken).ConfigureAwait(false);
        var containers = await ColoursAsync(cancellationToken).ConfigureAwait(false);
        var state = await router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (colour, container) in containers.Where(c => c.Value.IsRunning))
        {
            _directUrls[colour] = DirectUrl(container);
            if (!state.Upstreams.Any(u => u.Name == colour.Label()))
            {
                // A router started after the colours (replaced, or restarted) knows none of them yet.
                await router.SetUpstreamAsync(colour.Label(), Address(colour), cancellationToken).ConfigureAwait(false);
            }
        }

        var active = Colours.Parse(state.Live);
        if (active is { } live && !(containers.TryGetValue(live, out var serving) && serving.IsRunning))
        {
            log($"the router's live upstream {live.Label()} has no running container");
            active = null;
        }

        active ??= await RecoverActiveAsync(router, containers, cancellationToken).ConfigureAwait(false);
        var previewAddress = state.Upstreams.FirstOrDefault(u => u.Name == PreviewUpstream)?.Address;
        var preview = previewAddress is null ? null : Colours.Parse(new Uri(previewAddress).Host);
        _preview = preview;
        var colours = containers
            .OrderBy(c => c.Key)
            .Select(c => new ColourState(c.Key, c.Value.Labels.GetValueOrDefault(LocalLabels.Image, c.Value.Image), c.Value.IsRunning ? 1 : 0))
            .ToImmutableArray();
        return new BlueGreenState(active, colours, preview);
    }

    /// <inheritdoc />
    public async Task<string?> DeployAsync(Colour colour, ImageReference image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var router = await RouterAsync(cancellationToken).ConfigureAwait(false);
        await RefuseLiveAsync(router, colour, "deploy over", cancellationToken).ConfigureAwait(false);
        await RemoveContainersAsync(colour, "replaced by the new version", cancellationToken).ConfigureAwait(false);
        var labels = LocalLabels.For(environment.Release, Role, options.Session);
        labels[LocalLabels.Colour] = colour.Label();
        labels[LocalLabels.Image] = image.Pinned;
        labels[LocalLabels.Version] = image.Tag ?? image.ShortDigest;
        labels[LocalLabels.Upstream] = colour.Label();
        labels[LocalLabels.Started] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var spec = new ContainerSpec(image.ImageId ?? image.Pinned)
        {
            Name = ContainerName(colour),
            Network = LocalRouterHost.NetworkName(environment),
            NetworkAliases = [Alias(colour)],
            Labels = labels,
            Environment = new Dictionary<string, string>(Settings, StringComparer.Ordinal)
            {
                ["APP_VERSION"] = image.Tag ?? image.ShortDigest,
                ["ASPNETCORE_URLS"] = $"http://+:{options.ContainerPort.ToString(CultureInfo.InvariantCulture)}",
            },
        }.WithPort(options.ContainerPort);
        var container = await client.RunContainerAsync(spec, cancellationToken).ConfigureAwait(false);
        _directUrls[colour] = DirectUrl(container);
        await router.SetUpstreamAsync(colour.Label(), Address(colour), cancellationToken).ConfigureAwait(false);
        log($"started {container.Name} from {image} on {_directUrls[colour]}");
        return await WaitHealthyAsync(colour, container.Id, options.HealthTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PreviewAsync(Colour colour, CancellationToken cancellationToken)
    {
        var router = await RouterAsync(cancellationToken).ConfigureAwait(false);
        await router.SetUpstreamAsync(PreviewUpstream, Address(colour), cancellationToken).ConfigureAwait(false);
        _preview = colour;
    }

    /// <inheritdoc />
    public async Task SwitchAsync(Colour colour, CancellationToken cancellationToken)
    {
        var router = await RouterAsync(cancellationToken).ConfigureAwait(false);
        var before = await router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (!before.Upstreams.Any(u => u.Name == colour.Label()))
        {
            await router.SetUpstreamAsync(colour.Label(), Address(colour), cancellationToken).ConfigureAwait(false);
        }

        // New requests go to the colour from here on; the previous colour's requests in flight finish there, and
        // ScaleDownAsync and RemoveAsync wait for them to drain before stopping it (not here: a rollback must not wait).
        await router.SwitchAsync(colour.Label(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ScaleDownAsync(Colour colour, CancellationToken cancellationToken)
    {
        var router = await RouterAsync(cancellationToken).ConfigureAwait(false);
        await RefuseLiveAsync(router, colour, "scale down", cancellationToken).ConfigureAwait(false);
        await router.WaitForDrainAsync(colour.Label(), options.DrainTimeout, cancellationToken).ConfigureAwait(false);
        foreach (var container in await ContainersOfAsync(colour, cancellationToken).ConfigureAwait(false))
        {
            await client.StopContainerAsync(container.Id, options.StopGrace, cancellationToken).ConfigureAwait(false);
        }

        await router.RemoveUpstreamAsync(colour.Label(), cancellationToken).ConfigureAwait(false);
        _directUrls.Remove(colour);
    }

    /// <inheritdoc />
    public async Task<string?> ScaleUpAsync(Colour colour, CancellationToken cancellationToken)
    {
        var router = await RouterAsync(cancellationToken).ConfigureAwait(false);
        var container = await ContainersOfAsync(colour, cancellationToken).ConfigureAwait(false) is [var first, ..] ? first : null;
        if (container is null)
        {
            return $"{ContainerName(colour)} does not exist";
        }

        if (!container.IsRunning)
        {
            await client.StartContainerAsync(container.Id, cancellationToken).ConfigureAwait(false);
            container = await client.InspectContainerAsync(container.Id, cancellationToken).ConfigureAwait(false) ?? container;
        }

        _directUrls[colour] = DirectUrl(container);
        await router.SetUpstreamAsync(colour.Label(), Address(colour), cancellationToken).ConfigureAwait(false);
        return await WaitHealthyAsync(colour, container.Id, options.HealthTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RemoveAsync(Colour colour, CancellationToken cancellationToken)
    {
        var router = await RouterAsync(cancellationToken).ConfigureAwait(false);
        await RefuseLiveAsync(router, colour, "remove", cancellationToken).ConfigureAwait(false);
        await router.WaitForDrainAsync(colour.Label(), options.DrainTimeout, cancellationToken).ConfigureAwait(false);
        await RemoveContainersAsync(colour, "removed", cancellationToken).ConfigureAwait(false);
        await router.RemoveUpstreamAsync(colour.Label(), cancellationToken).ConfigureAwait(false);
        var state = await router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (state.Upstreams.FirstOrDefault(u => u.Name == PreviewUpstream) is { } preview && preview.Address == Address(colour).ToString())
        {
            await router.RemoveUpstreamAsync(PreviewUpstream, cancellationToken).ConfigureAwait(false);
            _preview = null;
        }
    }

    /// <summary>Removes the router, both colours and the network of the environment.</summary>
    public async Task<string> DestroyAsync(CancellationToken cancellationToken)
    {
        var removed = await client.RemoveByLabelAsync(LocalLabels.ReleaseFilter(environment.Release), includeImages: false, cancellationToken).ConfigureAwait(false);
        _router = null;
        return $"removed {removed.Containers} containers and {removed.Networks} networks of {environment.Release}";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in Owned)
        {
            owned.Dispose();
        }
    }
}
