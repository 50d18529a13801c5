using Docker.DotNet.Models;

namespace Tollgate.Containers;

/// <summary>Networks, and clean-up of everything carrying a label.</summary>
public sealed partial class ContainerEngineClient
{
    /// <summary>Creates a bridge network with <paramref name="labels"/> and returns its id.</summary>
    public Task<string> CreateNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return CallAsync($"Creating network {name}", async () =>
            (await Api.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = name, Driver = "bridge", Labels = new Dictionary<string, string>(labels) }, cancellationToken).ConfigureAwait(false)).ID);
    }

    /// <summary>Removes a network by id or name; false when there is none.</summary>
    public Task<bool> RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken) =>
        CallIfExistsAsync($"Removing network {idOrName}", () => Api.Networks.DeleteNetworkAsync(idOrName, cancellationToken));

    /// <summary>
    /// Removes every container and network (and, with <paramref name="includeImages"/>, image) that carries
    /// <paramref name="labelFilter"/> (<c>key=value</c>, e.g. <see cref="TollgateLabels.SessionFilter"/>). Containers go first so
    /// their networks can go. Failures are logged and the rest is still removed.
    /// </summary>
    public async Task<CleanupResult> RemoveByLabelAsync(string labelFilter, bool includeImages, CancellationToken cancellationToken)
    {
        var filters = LabelFilter(labelFilter);
        var containers = 0;
        foreach (var id in await ListContainersAsync(labelFilter, cancellationToken).ConfigureAwait(false))
        {
            containers += await TryAsync(() => RemoveContainerAsync(id, cancellationToken)).ConfigureAwait(false) ? 1 : 0;
        }

        var networks = 0;
        var networkList = await CallAsync($"Listing networks labelled {labelFilter}", () => Api.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters }, cancellationToken)).ConfigureAwait(false);
        foreach (var network in networkList)
        {
            networks += await TryAsync(() => RemoveNetworkAsync(network.ID, cancellationToken)).ConfigureAwait(false) ? 1 : 0;
        }

        var images = 0;
        if (includeImages)
        {
            var imageList = await CallAsync($"Listing images labelled {labelFilter}", () => Api.Images.ListImagesAsync(new ImagesListParameters { Filters = filters }, cancellationToken)).ConfigureAwait(false);
            foreach (var image in imageList)
            {
                images += await TryAsync(() => RemoveImageAsync(image.ID, force: true, cancellationToken)).ConfigureAwait(false) ? 1 : 0;
            }
        }

        if (containers + networks + images > 0)
        {
            _log.Debug($"Removed {containers} containers, {networks} networks, {images} images labelled {labelFilter}");
        }

        return new CleanupResult(containers, networks, images);
    }

    private async Task<bool> TryAsync(Func<Task<bool>> remove)
    {
        try
        {
            return await remove().ConfigureAwait(false);
        }
        catch (ContainerException exception)
        {
            _log.Warning(exception.Message);
            return false;
        }
    }
}
