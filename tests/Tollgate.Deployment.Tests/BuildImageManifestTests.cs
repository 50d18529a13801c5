using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests;

public sealed class BuildImageManifestTests
{
    private static readonly string Digest = "sha256:" + new string('e', 64);
    private static readonly string Id = "sha256:" + new string('f', 64);

    [Fact]
    public void The_build_stage_manifest_gives_the_pushed_digest_and_the_local_image_id()
    {
        using var temp = new TempDirectory("tollgate-manifest");
        var path = temp.Write("image.json", $$$"""{"reference":"127.0.0.1:5000/research-assistant@{{{Digest}}}","manifest":{"registry":"127.0.0.1:5000","repository":"127.0.0.1:5000/research-assistant","tags":["0.1.0-abc","latest"],"digest":"{{{Digest}}}","imageId":"{{{Id}}}","version":"0.1.0"}}""");

        var image = BuildImageManifest.Read(path);

        image.Pinned.Should().Be($"127.0.0.1:5000/research-assistant@{Digest}");
        image.ImageId.Should().Be(Id);
        image.Tag.Should().Be("0.1.0-abc");
    }

    [Fact]
    public void An_image_that_was_not_pushed_is_deployed_locally_by_its_id()
    {
        using var temp = new TempDirectory("tollgate-manifest");
        var path = temp.Write("image.json", $$$"""{"manifest":{"repository":"research-assistant","tags":[],"digest":null,"imageId":"{{{Id}}}","version":"0.1.0"}}""");

        var image = BuildImageManifest.Read(path);

        image.Digest.Should().Be(Id);
        image.Tag.Should().Be("0.1.0");
    }

    [Theory]
    [InlineData("{\"manifest\":{\"digest\":null}}", "*no manifest.repository*")]
    [InlineData("{\"manifest\":{\"repository\":\"r\",\"digest\":\"latest\"}}", "*no manifest.digest or manifest.imageId*")]
    [InlineData("not json", "*is not JSON*")]
    public void A_file_that_is_not_a_build_manifest_says_to_run_Build_again(string content, string message)
    {
        using var temp = new TempDirectory("tollgate-manifest");

        FluentActions.Invoking(() => BuildImageManifest.Read(temp.Write("image.json", content))).Should().Throw<DeploymentException>().WithMessage(message);
    }

    [Fact]
    public void A_missing_manifest_names_the_Build_target_and_the_parameter() =>
        FluentActions.Invoking(() => BuildImageManifest.Read("/nonexistent/image.json")).Should().Throw<DeploymentException>()
            .WithMessage("*run the Build target first*--deploy-image*");

    [Fact]
    public void The_revision_is_the_manifests_only_for_the_image_it_describes()
    {
        using var temp = new TempDirectory("tollgate-manifest");
        var path = temp.Write("image.json", $$$"""{"repository":"127.0.0.1:5000/research-assistant","tags":["main"],"digest":"{{{Digest}}}","imageId":"{{{Id}}}","revision":"0123456789abcdef0123456789abcdef01234567"}""");

        BuildImageManifest.ReadRevision(path, new ImageReference("127.0.0.1:5000/research-assistant", Digest)).Should().Be("0123456789abcdef0123456789abcdef01234567");
        BuildImageManifest.ReadRevision(path, new ImageReference("research-assistant", Id)).Should().Be("0123456789abcdef0123456789abcdef01234567", "an image deployed by its local id");
        BuildImageManifest.ReadRevision(path, new ImageReference("other", "sha256:" + new string('1', 64))).Should().BeNull("the manifest describes another image");
        BuildImageManifest.ReadRevision(temp.Write("broken.json", "not json"), new ImageReference("r", Digest)).Should().BeNull();
        BuildImageManifest.ReadRevision("/nonexistent/image.json", new ImageReference("r", Digest)).Should().BeNull();
    }
}
