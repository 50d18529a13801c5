namespace Tollgate.Deployment.BlueGreen;

/// <summary>
/// Where the two colours run and how traffic is switched between them: Kubernetes (two helm releases, a stable and a
/// preview Service) or local containers behind a router. Every method converges when run again after an interruption.
/// </summary>
public interface IBlueGreenPlatform
{
    /// <summary>Where production traffic arrives (the stable Service or the router).</summary>
    Uri StableUrl { get; }

    /// <summary>Where the preview (idle) colour answers, for smoke tests and pre-promotion analysis.</summary>
    Uri PreviewUrl { get; }

    /// <summary>Reads the live state from the platform.</summary>
    Task<BlueGreenState> ReadStateAsync(CancellationToken cancellationToken);

    /// <summary>Deploys the image by digest to the colour and waits until it is ready; returns null, or why it is not ready.</summary>
    Task<string?> DeployAsync(Colour colour, ImageReference image, CancellationToken cancellationToken);

    /// <summary>Points the preview at the colour.</summary>
    Task PreviewAsync(Colour colour, CancellationToken cancellationToken);

    /// <summary>Sends production traffic to the colour (atomically; in-flight requests finish).</summary>
    Task SwitchAsync(Colour colour, CancellationToken cancellationToken);

    /// <summary>Scales the colour down to nothing, keeping its definition for a fast rollback.</summary>
    Task ScaleDownAsync(Colour colour, CancellationToken cancellationToken);

    /// <summary>Makes a scaled-down colour run again and waits until it is ready; returns null, or why it is not ready.</summary>
    Task<string?> ScaleUpAsync(Colour colour, CancellationToken cancellationToken);

    /// <summary>Removes the colour entirely (idempotent).</summary>
    Task RemoveAsync(Colour colour, CancellationToken cancellationToken);
}
