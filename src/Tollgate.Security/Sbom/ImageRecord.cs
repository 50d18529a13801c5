using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tollgate.Security.Sbom;

/// <summary>
/// The Build stage's image record (<c>artifacts/image/image.json</c>) as the image scanner uses it: the references that
/// name the image in the engine that built it (its id, a tag), and the one to pull elsewhere (repository@digest, as a
/// CI job on another runner has only the record).
/// </summary>
/// <param name="Local">References to look for in the engine, best first.</param>
/// <param name="Pullable">The reference to pull when none is there (by digest when the image was pushed), or null.</param>
/// <param name="Display">The name shown in reports.</param>
internal sealed record ImageRecord(IReadOnlyList<string> Local, string? Pullable, string Display)
{
    /// <summary>The engine's image id (<c>sha256:</c> of the image config), which an archive must match.</summary>
    public string? Id { get; init; }

    /// <summary>The image archive the record names (a full path; the record has it in a sibling folder, <c>../image-archive/image.tar.gz</c>), or null.</summary>
    public string? Archive { get; init; }

    /// <summary>Reads the record; a broken one is a <see cref="ScanException"/> naming the file and the fix.</summary>
    public static ImageRecord Read(string path, string displayPath)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ScanException($"{displayPath} is not JSON ({e.Message}); the Build stage writes {{\"repository\", \"tags\", \"digest\"}}. Run Build again.", e);
        }

        var repository = json?["repository"]?.GetValue<string>() ?? throw new ScanException($"{displayPath} has no 'repository'; expected {{\"repository\", \"tags\", \"digest\"}}. Run Build again.");
        var tag = (json["tags"] as JsonArray)?.FirstOrDefault()?.GetValue<string>();
        var digest = json["digest"]?.GetValue<string>();
        var id = (json["imageId"] ?? json["id"])?.GetValue<string>();
        var tagged = tag is null ? null : $"{repository}:{tag}";
        var pinned = digest is null ? null : $"{repository}@{digest}";
        var display = tagged ?? pinned ?? repository;
        string[] local = [.. new[] { id, tagged, pinned }.OfType<string>().Distinct(StringComparer.Ordinal)];
        var archive = json["archive"]?.GetValue<string>();
        if (archive is not null && !IsBesideOrInSibling(archive))
        {
            throw new ScanException($"{displayPath}: 'archive' is '{archive}'; expected a file beside it (image.tar.gz) or in a sibling folder (../image-archive/image.tar.gz, as the Build stage writes). Run Build again.");
        }

        return new ImageRecord(local.Length == 0 ? [repository] : local, pinned ?? tagged, display)
        {
            Id = id,
            Archive = archive is null ? null : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, archive)),
        };
    }

    // The record travels as a CI artifact: it may name a file beside it or in a sibling folder (the archive is an artifact
    // of its own, artifacts/image-archive beside artifacts/image), never one elsewhere on the runner.
    private static bool IsBesideOrInSibling(string archive)
    {
        var segments = archive.Replace('\\', '/').Split('/');
        if (Path.IsPathRooted(archive) || segments.Any(s => s.Length == 0 || s == "."))
        {
            return false;
        }

        return segments.Length == 1 ? segments[0] != ".." : segments.Length == 3 && segments[0] == ".." && segments[1] != ".." && segments[2] != "..";
    }

    /// <summary>The first local reference the engine knows, or null.</summary>
    public async Task<string?> FindLocalAsync(DockerClient client, CancellationToken cancellationToken)
    {
        foreach (var reference in Local)
        {
            try
            {
                await client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
                return reference;
            }
            catch (DockerImageNotFoundException)
            {
                // Not in this engine (a fresh CI runner): try the next name, then pull.
            }
        }

        return null;
    }

    /// <summary>
    /// Pulls <see cref="Pullable"/> through the Engine API (anonymously: for a private registry, <c>docker login</c> and
    /// <c>docker pull</c> it before the scan). Returns null when it is there, else why it could not be had.
    /// </summary>
    public async Task<string?> PullAsync(DockerClient client, CancellationToken cancellationToken)
    {
        if (Pullable is null)
        {
            return "the record names no tag or digest to pull";
        }

        var at = Pullable.IndexOf('@', StringComparison.Ordinal);
        var colon = Pullable.LastIndexOf(':');
        var (repository, tag) = at > 0 ? (Pullable[..at], Pullable[(at + 1)..])
            : colon > Pullable.LastIndexOf('/') ? (Pullable[..colon], Pullable[(colon + 1)..]) : (Pullable, "latest");
        var progress = new PullErrors();
        string? error = null;
        try
        {
            await client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = repository, Tag = tag },
                new AuthConfig(),
                progress,
                cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            error = e.ResponseBody is { Length: > 0 } body ? body.Trim() : e.Message;
        }

        error ??= progress.First;

        // The engine reports a failed pull inside its 200 stream as often as with a status code: check it is there.
        return error is null && await FindAsync(client, Pullable, cancellationToken).ConfigureAwait(false)
            ? null
            : $"pulling {Pullable} failed ({(error ?? "the engine reported no error, but has no such image").Split('\n')[0]})";
    }

    private static async Task<bool> FindAsync(DockerClient client, string reference, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    // Progress<T> posts to the thread pool, so an error could arrive after the call returned: record it synchronously.
    private sealed class PullErrors : IProgress<JSONMessage>
    {
        public string? First { get; private set; }

        public void Report(JSONMessage value) => First ??= value.Error?.Message;
    }
}
