using Tollgate.Containers;

namespace Tollgate.Deployment.Local;

/// <summary>A release container of an environment, as its labels describe it.</summary>
/// <param name="Container">The engine's view of it.</param>
internal sealed record LocalRelease(ContainerDetails Container)
{
    /// <summary>Its upstream name in the router.</summary>
    public string Upstream => Container.Labels.TryGetValue(LocalLabels.Upstream, out var name) ? name : Container.Name;

    /// <summary>The image it runs (digest or id).</summary>
    public string Image => Container.Labels.TryGetValue(LocalLabels.Image, out var image) ? image : Container.Image;

    /// <summary>When it was started (Unix milliseconds; 0 when unknown).</summary>
    public long Started => Container.Labels.TryGetValue(LocalLabels.Started, out var text) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var ms) ? ms : 0;

    /// <summary>The image that served before it, if any.</summary>
    public string? PreviousImage => Container.Labels.TryGetValue(LocalLabels.PreviousImage, out var image) && image.Length > 0 ? image : null;
}
