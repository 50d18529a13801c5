namespace Tollgate.Components.BuildImage;

/// <summary>
/// When the Build stage also writes the image as an archive (artifacts/image-archive/image.tar.gz): for jobs that cannot
/// pull it. On GitHub Actions every job runs on a fresh runner, so an image that was not pushed, or was pushed to a registry
/// on the runner's loopback address (the default local registry), is gone when the next job starts; there the archive
/// travels as an artifact of its own (as docker/build-push-action's <c>outputs: type=docker,dest=...</c> with
/// upload-artifact does), which only the jobs that load it download. Elsewhere (a developer machine, one CI job) the engine still holds the image, so no archive
/// is written unless asked for.
/// </summary>
internal static class ImageArchivePolicy
{
    /// <summary>The archive's file name.</summary>
    public const string FileName = "image.tar.gz";

    /// <summary>The archive's folder under the artifacts directory, a sibling of image.json's (a folder per CI artifact).</summary>
    public const string Folder = "image-archive";

    /// <summary>The CI artifact that holds <see cref="Folder"/>.</summary>
    public const string ArtifactName = "image-archive";

    /// <summary>The archive as image.json names it: relative to image.json's folder.</summary>
    public const string RecordPath = "../" + Folder + "/" + FileName;

    /// <summary>Why the archive is written, or null when it is not.</summary>
    /// <param name="requested">--image-archive: true forces it, false never, null decides.</param>
    /// <param name="pushed">Whether the image is in a registry.</param>
    /// <param name="registry">The registry, <c>host[:port]</c> (possibly followed by a path).</param>
    /// <param name="onGitHubActions">Whether the build runs in a GitHub Actions job.</param>
    public static string? Reason(bool? requested, bool pushed, string registry, bool onGitHubActions)
    {
        if (requested is { } explicitly)
        {
            return explicitly ? "--image-archive true" : null;
        }

        if (!onGitHubActions)
        {
            return null;
        }

        if (!pushed)
        {
            return "the image was not pushed, and the next GitHub Actions job runs on a fresh runner";
        }

        return IsLoopback(registry)
            ? $"the registry {registry} is on this runner's loopback address, which the next GitHub Actions job (a fresh runner) cannot reach"
            : null;
    }

    /// <summary>Whether the registry's host is a loopback address (127.0.0.0/8, ::1, localhost).</summary>
    public static bool IsLoopback(string registry)
    {
        var host = registry.Split('/')[0];
        if (host.StartsWith('['))
        {
            host = host[1..Math.Max(1, host.IndexOf(']', StringComparison.Ordinal))];
        }
        else if (host.Count(c => c == ':') == 1)
        {
            host = host[..host.IndexOf(':', StringComparison.Ordinal)];
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
    }
}
