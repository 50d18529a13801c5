using Tollgate.Components.BuildImage;

namespace Tollgate.Components.Tests.BuildImage;

public sealed class ImageManifestTests
{
    private static readonly ImageManifest Manifest = new(
        "127.0.0.1:5000", "127.0.0.1:5000/research-assistant", ["main", "0123456", "latest"], "sha256:" + new string('a', 64), "sha256:" + new string('b', 64),
        123_456_789, 42.5, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), ["localhost/tollgate/dotnet-sdk:10.0.401", "localhost/tollgate/dotnet-runtime:10.0.12"],
        "0123456789abcdef0123456789abcdef01234567", "0.0.0-main.0123456", "passed");

    [Fact]
    public void The_manifest_round_trips_through_image_json_with_the_pull_reference()
    {
        using var directory = new TempDirectory();
        var path = System.IO.Path.Combine(directory.Path, "image", "image.json");

        Manifest.Write(path);

        File.ReadAllText(path).Should().Contain("\"reference\": \"127.0.0.1:5000/research-assistant@sha256:aaaa").And.Contain("\"digest\"").And.Contain("\"baseImages\"");
        ImageManifest.Read(path).Should().BeEquivalentTo(Manifest);
    }

    [Fact]
    public void An_image_that_was_not_pushed_is_referenced_by_its_first_tag() =>
        (Manifest with { Digest = null }).Reference.Should().Be("127.0.0.1:5000/research-assistant:main");

    [Fact]
    public void The_Build_targets_note_is_the_first_tag_and_a_short_digest_or_not_pushed()
    {
        Manifest.ShortReference.Should().Be("127.0.0.1:5000/research-assistant:main (sha256:aaaaaaaaaaaa)");
        (Manifest with { Digest = null }).ShortReference.Should().Be("127.0.0.1:5000/research-assistant:main (not pushed)");
    }

    [Fact]
    public void The_summary_lists_tags_digest_size_and_bases() =>
        Manifest.ToMarkdown().Should().Contain("`latest`").And.Contain("sha256:aaaa").And.Contain("117.7 MB").And.Contain("dotnet-runtime:10.0.12").And.Contain("passed");
}
