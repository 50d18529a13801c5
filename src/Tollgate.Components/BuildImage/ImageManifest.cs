using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Components.BuildImage;

/// <summary>The Build stage's result, written to <c>artifacts/image/image.json</c> for Scan and the deploy stages.</summary>
/// <param name="Registry">The registry (<c>127.0.0.1:5000</c>).</param>
/// <param name="Repository">The full repository (<c>127.0.0.1:5000/research-assistant</c>).</param>
/// <param name="Tags">The tags pushed.</param>
/// <param name="Digest">The manifest digest (<c>sha256:...</c>), or null when not pushed.</param>
/// <param name="ImageId">The engine's image id.</param>
/// <param name="SizeBytes">The image size.</param>
/// <param name="BuildSeconds">Wall time of the build.</param>
/// <param name="BuiltAt">When it was built.</param>
/// <param name="BaseImages">The images its stages start from.</param>
/// <param name="Revision">The git commit.</param>
/// <param name="Version">The version label.</param>
/// <param name="SmokeTest">passed or skipped.</param>
internal sealed record ImageManifest(
    string Registry,
    string Repository,
    IReadOnlyList<string> Tags,
    string? Digest,
    string ImageId,
    long SizeBytes,
    double BuildSeconds,
    DateTimeOffset BuiltAt,
    IReadOnlyList<string> BaseImages,
    string Revision,
    string Version,
    string SmokeTest)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>
    /// The image as a gzip-compressed <c>docker save</c> archive, relative to image.json's folder
    /// (<c>../image-archive/image.tar.gz</c>, a CI artifact of its own), or null when none was written: for jobs that
    /// cannot pull the image (a loopback registry, or none), which load it and check it is <see cref="ImageId"/>.
    /// </summary>
    public string? Archive { get; init; }

    /// <summary>The reference to pull: <c>repository@digest</c> when pushed, else the first tag.</summary>
    public string Reference => Digest is null ? $"{Repository}:{Tags[0]}" : $"{Repository}@{Digest}";

    /// <summary>
    /// The first tag and the digest cut to 12 hex digits (<c>repository:tag (sha256:0123456789ab)</c>), or
    /// <c>(not pushed)</c>: the Build target's note in the end-of-build table.
    /// </summary>
    public string ShortReference => $"{Repository}:{Tags[0]} ({(Digest is null ? "not pushed" : Digest[..Math.Min(Digest.Length, "sha256:".Length + 12)])})";

    /// <summary>Writes the manifest as JSON (<see cref="Reference"/> included, for readers that only want to pull).</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    /// <summary>Reads a manifest written by <see cref="Write"/>.</summary>
    public static ImageManifest Read(string path)
    {
        return JsonSerializer.Deserialize<ImageManifest>(File.ReadAllText(path), Json)
            ?? throw new TollgateException($"{path} holds no image manifest; run the Build target again.");
    }

    /// <summary>The summary section.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("### Image\n\n| | |\n|---|---|\n");
        text.Append(CultureInfo.InvariantCulture, $"| Repository | `{Repository}` |\n| Tags | {string.Join(", ", Tags.Select(t => $"`{t}`"))} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| Digest | `{Digest ?? "not pushed"}` |\n| Size | {SizeBytes / 1024.0 / 1024.0:0.0} MB |\n| Build time | {DurationText.Format(TimeSpan.FromSeconds(BuildSeconds))} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| Base images | {string.Join(", ", BaseImages.Select(b => $"`{b}`"))} |\n| Smoke test | {SmokeTest} |\n");
        if (Archive is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"| Archive | `{Archive}` (for jobs that cannot pull the image) |\n");
        }

        return text.ToString();
    }
}
