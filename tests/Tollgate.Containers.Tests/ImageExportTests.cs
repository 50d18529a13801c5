using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

/// <summary>The image export (<c>docker save</c>) written gzip-compressed to disk, against the real engine.</summary>
[Collection(EngineGroup.Name)]
public sealed class ImageExportTests(EngineFixture fixture)
{
    [RequiresEngineFact]
    public async Task I_can_save_an_image_as_a_gzip_archive_that_names_its_tag_and_config()
    {
        using var directory = new TempDirectory();
        directory.Write("context/data.txt", fixture.Session);
        directory.Write("context/Dockerfile", "FROM scratch\nCOPY data.txt /data.txt\n");
        var reference = $"localhost/tollgate-test/export:{fixture.Session}";
        var built = await fixture.Engine.BuildImageAsync(new ImageBuildRequest(directory["context"]) { Tags = [reference], Labels = fixture.Labels }, CancellationToken.None);
        var path = directory["out/image.tar.gz"];

        var size = await fixture.Engine.SaveImageAsync(reference, path, CancellationToken.None);

        size.Should().Be(new FileInfo(path).Length);
        File.Exists(path + ".partial").Should().BeFalse();
        var names = new List<string>();
        JsonNode? manifest = null;
        await using (var tar = new TarReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
        {
            while (await tar.GetNextEntryAsync(copyData: true) is { } entry)
            {
                names.Add(entry.Name);
                if (entry.Name == "manifest.json")
                {
                    manifest = await JsonNode.ParseAsync(entry.DataStream!);
                }
            }
        }

        var image = manifest!.AsArray().Single()!;
        image["RepoTags"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal(reference);
        var config = image["Config"]!.GetValue<string>();
        names.Should().Contain(config);
        built.Id.Should().EndWith(Path.GetFileNameWithoutExtension(config).Replace("blobs/sha256/", string.Empty, StringComparison.Ordinal));
    }

    [RequiresEngineFact]
    public async Task Saving_an_image_the_engine_does_not_have_fails_naming_it_and_leaves_no_file()
    {
        using var directory = new TempDirectory();
        var path = directory["out/image.tar.gz"];
        var missing = $"localhost/tollgate-test/absent:{fixture.Session}";

        var save = () => fixture.Engine.SaveImageAsync(missing, path, CancellationToken.None);

        (await save.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Contain($"Exporting image {missing}");
        File.Exists(path).Should().BeFalse();
        File.Exists(path + ".partial").Should().BeFalse();
    }
}
