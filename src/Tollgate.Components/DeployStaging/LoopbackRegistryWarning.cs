using System.Net;
using Tollgate.Deployment;

namespace Tollgate.Components.DeployStaging;

/// <summary>
/// A cluster pulls an image on its nodes: an image in a registry on 127.0.0.1 or localhost (Build's default local
/// registry) can be pulled there only when the nodes run such a registry too (kind with a local registry). The deploy
/// stages warn before the rollout waits for an image that cannot arrive.
/// </summary>
internal static class LoopbackRegistryWarning
{
    /// <summary>Warns when <paramref name="image"/>, about to be deployed to <paramref name="environment"/>'s cluster, is in a loopback registry.</summary>
    public static void WarnIfUnreachable(IBuildLog log, ImageReference image, string environment)
    {
        if (RegistryHost(image.Repository) is not { } host || !IsLoopback(host))
        {
            return;
        }

        log.Warning(
            $"{image.Pinned} is in a registry on {host} of the machine that built it: the nodes of {environment}'s cluster pull it from their own {host}, "
            + "which works only when they run a registry there (kind with a local registry). Otherwise push it where the cluster can pull it: ./build.sh Build --registry <host[/owner]> "
            + "(--registry-username and --registry-password when it needs a sign-in), then deploy the image.json that run writes.");
    }

    // The first path segment names a registry when it holds '.', ':' or is localhost (the rule docker uses).
    private static string? RegistryHost(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var first = repository[..slash];
        if (!first.Contains('.', StringComparison.Ordinal) && !first.Contains(':', StringComparison.Ordinal) && first != "localhost")
        {
            return null;
        }

        if (first.StartsWith('['))
        {
            var end = first.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? first[1..end] : first;
        }

        var colon = first.LastIndexOf(':');
        return colon > 0 ? first[..colon] : first;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
