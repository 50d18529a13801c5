using Tollgate.Deployment;
using Tollgate.Deployment.BlueGreen;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>A platform whose colours are entries in memory, both served by one <see cref="ColourService"/>; it records every call.</summary>
internal sealed class InMemoryBlueGreenPlatform(Uri url) : IBlueGreenPlatform
{
    private readonly Dictionary<Colour, ColourState> _colours = [];
    private Colour? _active;
    private Colour? _preview;

    public List<string> Calls { get; } = [];

    /// <summary>Why a deploy is not ready, or null for a ready one.</summary>
    public string? DeployProblem { get; init; }

    public Uri StableUrl => url;

    public Uri PreviewUrl => url;

    public static InMemoryBlueGreenPlatform Serving(Uri url, Colour active, string image, Colour? warm = null)
    {
        var platform = new InMemoryBlueGreenPlatform(url) { };
        platform._colours[active] = new ColourState(active, image, 1);
        platform._active = platform._preview = active;
        if (warm is { } other)
        {
            platform._colours[other] = new ColourState(other, "old@sha256:" + new string('1', 64), 0);
        }

        return platform;
    }

    /// <summary>Adds a running colour that takes no traffic, as a killed or paused run leaves its candidate.</summary>
    public InMemoryBlueGreenPlatform WithLeftover(Colour colour, string image)
    {
        _colours[colour] = new ColourState(colour, image, 1);
        return this;
    }

    public Task<BlueGreenState> ReadStateAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new BlueGreenState(_active, [.. _colours.Values.OrderBy(c => c.Colour)], _preview));

    public Task<string?> DeployAsync(Colour colour, ImageReference image, CancellationToken cancellationToken)
    {
        Calls.Add($"deploy {colour.Label()} {image.Pinned}");
        _colours[colour] = new ColourState(colour, image.Pinned, 1);
        return Task.FromResult(DeployProblem);
    }

    public Task PreviewAsync(Colour colour, CancellationToken cancellationToken) => Record($"preview {colour.Label()}", () => _preview = colour);

    public Task SwitchAsync(Colour colour, CancellationToken cancellationToken) => Record($"switch {colour.Label()}", () => _active = colour);

    public Task ScaleDownAsync(Colour colour, CancellationToken cancellationToken) => Record($"scale-down {colour.Label()}", () => _colours[colour] = _colours[colour] with { Replicas = 0 });

    public Task<string?> ScaleUpAsync(Colour colour, CancellationToken cancellationToken)
    {
        Calls.Add($"scale-up {colour.Label()}");
        _colours[colour] = _colours[colour] with { Replicas = 1 };
        return Task.FromResult<string?>(null);
    }

    public Task RemoveAsync(Colour colour, CancellationToken cancellationToken) => Record($"remove {colour.Label()}", () => _colours.Remove(colour));

    private Task Record(string call, Action change)
    {
        Calls.Add(call);
        change();
        return Task.CompletedTask;
    }
}
