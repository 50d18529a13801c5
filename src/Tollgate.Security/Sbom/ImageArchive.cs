using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tollgate.Security.Sbom;

/// <summary>
/// The Build stage's image archive (a gzip-compressed <c>docker save</c>), loaded into the engine for a job that cannot
/// pull the image. It is checked before anything reaches the engine: its one image's config must hash to the image id
/// that image.json records (an engine's image id is that digest), so an archive of another image, or one whose config
/// was altered, is refused; the engine then checks every layer against the config's diff ids while loading.
/// </summary>
internal static class ImageArchive
{
    // Image configs are a few kilobytes; larger entries (layers) are not candidates and are not hashed.
    private const long MaxConfigBytes = 8 << 20;
    private const int FileBlock = 1 << 20;

    /// <summary>Checks the archive holds exactly the image <paramref name="expectedId"/>; a <see cref="ScanException"/> says why not.</summary>
    public static async Task VerifyAsync(string path, string expectedId, string displayPath, CancellationToken cancellationToken)
    {
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonNode? manifest = null;
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBlock, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (file.ConfigureAwait(false))
            {
                var gzip = new GZipStream(file, CompressionMode.Decompress);
                await using (gzip.ConfigureAwait(false))
                {
                    var tar = new TarReader(gzip);
                    await using (tar.ConfigureAwait(false))
                    {
                        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                        {
                            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null || entry.Length > MaxConfigBytes)
                            {
                                continue;
                            }

                            var name = Normalize(entry.Name);
                            if (name == "manifest.json")
                            {
                                manifest = await JsonNode.ParseAsync(entry.DataStream, cancellationToken: cancellationToken).ConfigureAwait(false);
                            }
                            else
                            {
                                digests[name] = "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(entry.DataStream, cancellationToken).ConfigureAwait(false));
                            }
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or JsonException)
        {
            throw new ScanException($"{displayPath} is not a gzip-compressed image archive ({e.Message}); the Build stage writes one with docker save when --image-archive applies. Download the Build job's image-archive artifact of the same run again, or run Build again.", e);
        }

        var images = manifest as JsonArray;
        if (images is not { Count: 1 } || images[0]?["Config"]?.GetValue<string>() is not { } config)
        {
            throw new ScanException($"{displayPath} holds {(manifest is null ? "no manifest.json" : $"{images?.Count ?? 0} images in manifest.json")}; expected the one image the Build stage saved. Download the Build job's image-archive artifact of the same run again, or run Build again.");
        }

        var actual = digests.GetValueOrDefault(Normalize(config));
        if (!string.Equals(actual, expectedId, StringComparison.Ordinal))
        {
            throw new ScanException($"{displayPath} is not the image the record names: its image config {(actual is null ? $"{config} is missing" : $"hashes to {actual}")}, but image.json records imageId {expectedId}. The archive was altered or belongs to another build; it is not loaded. Download the Build job's image-archive artifact of the same run again, or run Build again.");
        }
    }

    /// <summary>Loads the archive (decompressed while it is sent) and checks the engine now holds <paramref name="expectedId"/>.</summary>
    public static async Task LoadAsync(DockerClient client, string path, string expectedId, string displayPath, CancellationToken cancellationToken)
    {
        var errors = new LoadErrors();
        string? error = null;
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBlock, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using (gzip.ConfigureAwait(false))
            {
                try
                {
                    await client.Images.LoadImageAsync(new ImageLoadParameters { Quiet = true }, gzip, errors, cancellationToken).ConfigureAwait(false);
                }
                catch (DockerApiException e)
                {
                    error = e.ResponseBody is { Length: > 0 } body ? body.Trim() : e.Message;
                }
            }
        }

        error ??= errors.First;
        if (error is not null)
        {
            throw new ScanException($"Loading {displayPath} into the engine failed ({error.Split('\n')[0]}); a layer that does not match the image config is refused this way. Download the Build job's image-archive artifact of the same run again, or run Build again.");
        }

        try
        {
            await client.Images.InspectImageAsync(expectedId, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException e)
        {
            throw new ScanException($"Loading {displayPath} reported no error, but the engine has no image {expectedId} afterwards. Download the Build job's image-archive artifact of the same run again, or run Build again.", e);
        }
    }

    private static string Normalize(string name) => name.Replace('\\', '/').TrimStart('.', '/');

    // Progress<T> posts to the thread pool, so an error could arrive after the call returned: record it synchronously.
    private sealed class LoadErrors : IProgress<JSONMessage>
    {
        public string? First { get; private set; }

        public void Report(JSONMessage value) => First ??= value.Error?.Message;
    }
}
