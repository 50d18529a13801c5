using System.Text.Json;

namespace Tollgate.Deployment;

/// <summary>
/// Reads the Build stage's <c>artifacts/image/image.json</c> (<c>{"reference", "manifest": {"repository", "tags",
/// "digest", "imageId", "version", ...}}</c>) into the image to deploy.
/// </summary>
public static class BuildImageManifest
{
    /// <summary>The default location, relative to the root.</summary>
    public const string DefaultPath = "artifacts/image/image.json";

    /// <summary>The image in the manifest: by registry digest when it was pushed, else by the engine's image id.</summary>
    /// <exception cref="DeploymentException">The file is missing or not a Build manifest; the message says how to produce it.</exception>
    public static ImageReference Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DeploymentException($"{path} does not exist: run the Build target first (./build.sh Build), or pass --deploy-image repository@sha256:<digest>.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var manifest = document.RootElement.TryGetProperty("manifest", out var inner) ? inner : document.RootElement;
            var repository = String(manifest, "repository") ?? throw Missing(path, "manifest.repository");
            var imageId = String(manifest, "imageId");
            var digest = String(manifest, "digest");
            var tag = manifest.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array && tags.GetArrayLength() > 0 ? tags[0].GetString() : String(manifest, "version");
            var pinned = ImageReference.IsDigest(digest) ? digest! : ImageReference.IsDigest(imageId) ? imageId! : throw Missing(path, "manifest.digest or manifest.imageId (sha256:…)");
            return new ImageReference(repository, pinned, tag) { ImageId = ImageReference.IsDigest(imageId) ? imageId : null };
        }
        catch (JsonException exception)
        {
            throw new DeploymentException($"{path} is not JSON ({exception.Message}); run the Build target again.", exception);
        }
    }

    /// <summary>
    /// The commit the image was built from (the manifest's <c>revision</c>), when the manifest at <paramref name="path"/>
    /// describes <paramref name="image"/> (same registry digest or image id); otherwise null: the commit of an image given
    /// by reference is not known here, and the checkout's HEAD is not it.
    /// </summary>
    public static string? ReadRevision(string path, ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var manifest = document.RootElement.TryGetProperty("manifest", out var inner) ? inner : document.RootElement;
            var describes = String(manifest, "digest") == image.Digest || String(manifest, "imageId") == image.Digest;
            return describes && String(manifest, "revision") is { Length: > 0 } revision ? revision : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DeploymentException Missing(string path, string field) =>
        new($"{path} has no {field}; it is not the Build stage's image manifest. Run the Build target again.");
}
