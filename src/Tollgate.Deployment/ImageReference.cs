using System.Text.RegularExpressions;

namespace Tollgate.Deployment;

/// <summary>
/// The image a release runs, pinned by digest: <c>127.0.0.1:5000/research-assistant@sha256:…</c>. A tag is kept for
/// people (the version label) but never decides what runs.
/// </summary>
/// <param name="Repository">The repository, e.g. <c>127.0.0.1:5000/research-assistant</c>.</param>
/// <param name="Digest">The content digest, <c>sha256:</c> and 64 hex digits: the registry's manifest digest, or the local image id.</param>
/// <param name="Tag">The tag it was built with, if any.</param>
public sealed partial record ImageReference(string Repository, string Digest, string? Tag = null)
{
    /// <summary>The engine's image id (<c>sha256:…</c>) when the image is on this machine: the local platform runs it by id.</summary>
    public string? ImageId { get; init; }

    /// <summary>The reference by digest, <c>repository@sha256:…</c>.</summary>
    public string Pinned => $"{Repository}@{Digest}";

    /// <summary>The first 12 hex digits of the digest, for names and messages.</summary>
    public string ShortDigest => Digest["sha256:".Length..][..12];

    /// <summary>Parses <c>repository[:tag]@sha256:hex</c>.</summary>
    /// <exception cref="DeploymentException">The text is not pinned by a sha256 digest.</exception>
    public static ImageReference Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var match = ReferencePattern().Match(reference.Trim());
        if (!match.Success)
        {
            throw new DeploymentException($"The image '{reference}' is not pinned by digest; deploy images as repository@sha256:<64 hex digits> (the Build stage writes it to artifacts/image.json).");
        }

        var tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        return new ImageReference(match.Groups["repository"].Value, match.Groups["digest"].Value, tag);
    }

    /// <summary>Whether the text is a sha256 digest.</summary>
    public static bool IsDigest(string? text) => text is not null && DigestPattern().IsMatch(text);

    /// <inheritdoc />
    public override string ToString() => Tag is null ? Pinned : $"{Repository}:{Tag}@{Digest}";

    [GeneratedRegex("^(?<repository>[a-z0-9][a-z0-9._/:-]*?)(:(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?@(?<digest>sha256:[a-f0-9]{64})$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestPattern();
}
