using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tollgate.Security.Sbom;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Sbom;

/// <summary>
/// The image scanner on a runner that has only the Build artifact: the image is not in the engine and its registry (a
/// loopback one of another runner) does not answer, so it loads the archive the record names, after checking it is
/// the recorded image. Archives are real <c>docker save</c> exports of an image built at test time.
/// </summary>
public sealed class ImageArchiveTests : IAsyncLifetime, IDisposable
{
    private const string Endpoint = "unix:///var/run/docker.sock";
    private readonly TempDirectory _directory = new("tollgate-image-archive");
    private readonly string _session = Guid.NewGuid().ToString("N")[..12];
    private readonly DockerClient _client = new DockerClientBuilder().WithEndpoint(new Uri(Endpoint)).WithTimeout(Timeout.InfiniteTimeSpan).Build();
    private readonly List<string> _images = [];

    private string Repository => $"127.0.0.1:{ImageScannerTests.FreePort()}/tollgate-scan-archive";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var image in _images)
        {
            try
            {
                await _client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true }, CancellationToken.None);
            }
            catch (DockerImageNotFoundException)
            {
                // The test removed it already.
            }
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _directory.Dispose();
    }

    [RequiresToolFact("dockerd", "bash .ci/install.d/10-docker.sh")]
    public async Task An_image_that_cannot_be_pulled_is_loaded_from_the_archive_and_scanned()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var (repository, id) = await BuildAndArchiveAsync(timeout.Token);
        WriteRecord(repository, id);

        var result = await Scanner().ScanAsync(timeout.Token);

        result.Status.Should().Be(ScannerStatus.Ran, result.Reason);
        result.Reason.Should().Contain("loaded from artifacts/image-archive/image.tar.gz because pulling");
        File.ReadAllText(_directory["artifacts/scan/image.cdx.json"]).Should().Contain("pkg:deb/debian/tollgate-fixture@1.2-3").And.Contain("pkg:nuget/YamlDotNet@");
        (await _client.Images.InspectImageAsync(id, timeout.Token)).ID.Should().Be(id);
    }

    [RequiresToolFact("dockerd", "bash .ci/install.d/10-docker.sh")]
    public async Task An_archive_of_another_image_is_refused_before_it_reaches_the_engine()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var (repository, id) = await BuildAndArchiveAsync(timeout.Token);
        var recorded = "sha256:" + new string('7', 64);
        WriteRecord(repository, recorded);

        var act = () => Scanner().ScanAsync(timeout.Token);

        (await act.Should().ThrowAsync<ScanException>()).Which.Message.Should()
            .Contain("artifacts/image-archive/image.tar.gz is not the image the record names")
            .And.Contain($"hashes to {id}").And.Contain($"records imageId {recorded}").And.Contain("Download the Build job's image-archive artifact");
        var inEngine = async () => await _client.Images.InspectImageAsync(id, timeout.Token);
        await inEngine.Should().ThrowAsync<DockerImageNotFoundException>("a refused archive is not loaded");
    }

    [RequiresToolFact("dockerd", "bash .ci/install.d/10-docker.sh")]
    public async Task An_archive_whose_layer_was_altered_is_refused_by_the_engine_with_a_clear_error()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var (repository, id) = await BuildAndArchiveAsync(timeout.Token);
        await TamperWithLayerAsync(_directory["artifacts/image-archive/image.tar.gz"], timeout.Token);
        WriteRecord(repository, id);

        var act = () => Scanner().ScanAsync(timeout.Token);

        (await act.Should().ThrowAsync<ScanException>()).Which.Message.Should()
            .StartWith("Loading artifacts/image-archive/image.tar.gz into the engine failed (").And.Contain("Download the Build job's image-archive artifact");
    }

    [RequiresToolFact("dockerd", "bash .ci/install.d/10-docker.sh")]
    public async Task A_file_that_is_not_an_image_archive_is_refused_naming_it()
    {
        _directory.Write("artifacts/image-archive/image.tar.gz", "not a gzip stream");
        WriteRecord(Repository, "sha256:" + new string('7', 64));

        var act = () => Scanner().ScanAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<ScanException>()).Which.Message.Should()
            .Contain("artifacts/image-archive/image.tar.gz is not a gzip-compressed image archive");
    }

    [RequiresToolFact("dockerd", "bash .ci/install.d/10-docker.sh")]
    public async Task A_record_naming_an_archive_that_was_not_downloaded_is_not_run_naming_the_artifact()
    {
        WriteRecord(Repository, "sha256:" + new string('7', 64));

        var result = await Scanner().ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.NotRun);
        result.Reason.Should().Contain("names the image archive artifacts/image-archive/image.tar.gz, which is not here: download the Build job's artifact that holds it into artifacts/image-archive");
    }

    [Theory]
    [InlineData("../image.tar.gz")]
    [InlineData("../../image-archive/image.tar.gz")]
    [InlineData("../image-archive/../../image.tar.gz")]
    [InlineData("./image.tar.gz")]
    [InlineData("/tmp/image.tar.gz")]
    [InlineData("")]
    public void An_archive_neither_beside_the_record_nor_in_a_sibling_folder_is_refused(string archive)
    {
        var path = _directory.Write("image.json", new JsonObject { ["repository"] = "r", ["imageId"] = "sha256:ab", ["archive"] = archive }.ToJsonString());

        var act = () => ImageRecord.Read(path, "artifacts/image/image.json");

        act.Should().Throw<ScanException>().WithMessage("*'archive'*expected a file beside it*");
    }

    private ImageScanner Scanner() => new(new ImageScanOptions(_directory.Path, _directory["artifacts/scan"]) { DockerEndpoint = Endpoint });

    private void WriteRecord(string repository, string imageId) =>
        _directory.Write("artifacts/image/image.json", new JsonObject
        {
            ["repository"] = repository,
            ["tags"] = new JsonArray(_session),
            ["digest"] = "sha256:" + new string('1', 64),
            ["imageId"] = imageId,
            ["archive"] = "../image-archive/image.tar.gz",
        }.ToJsonString());

    /// <summary>Builds the test image, saves it gzip-compressed as the Build stage does, and removes it from the engine.</summary>
    private async Task<(string Repository, string Id)> BuildAndArchiveAsync(CancellationToken cancellationToken)
    {
        var repository = Repository;
        var tag = $"{repository}:{_session}";
        _images.Add(tag);
        await ImageScannerTests.BuildAsync(_client, tag, _session, ImageScannerTests.DpkgStatus(), cancellationToken);
        var id = (await _client.Images.InspectImageAsync(tag, cancellationToken)).ID;
        _images.Add(id);
        Directory.CreateDirectory(_directory["artifacts/image-archive"]);
        await using (var export = await _client.Images.SaveImageAsync(tag, cancellationToken))
        await using (var file = File.Create(_directory["artifacts/image-archive/image.tar.gz"]))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await export.CopyToAsync(gzip, 1 << 20, cancellationToken);
        }

        await _client.Images.DeleteImageAsync(id, new ImageDeleteParameters { Force = true }, cancellationToken);
        return (repository, id);
    }

    /// <summary>Rewrites the archive with one byte more in its first layer, leaving the image config as it was.</summary>
    private static async Task TamperWithLayerAsync(string path, CancellationToken cancellationToken)
    {
        var tampered = path + ".tampered";
        await using (var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        await using (var output = new GZipStream(File.Create(tampered), CompressionLevel.Fastest))
        {
            var reader = new TarReader(input);
            var writer = new TarWriter(output, TarEntryFormat.Pax);
            var altered = false;
            while (await reader.GetNextEntryAsync(copyData: true, cancellationToken) is { } entry)
            {
                if (!altered && entry.Name.EndsWith("layer.tar", StringComparison.Ordinal) && entry.DataStream is not null)
                {
                    using var layer = new MemoryStream();
                    await using (var layerWriter = new TarWriter(layer, TarEntryFormat.Pax, leaveOpen: true))
                    {
                        await layerWriter.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "planted") { DataStream = new MemoryStream([1, 2, 3]) }, cancellationToken);
                    }

                    layer.Position = 0;
                    entry.DataStream = layer;
                    await writer.WriteEntryAsync(entry, cancellationToken);
                    altered = true;
                    continue;
                }

                await writer.WriteEntryAsync(entry, cancellationToken);
            }

            await writer.DisposeAsync();
            await reader.DisposeAsync();
            altered.Should().BeTrue("a docker save archive has layer.tar entries");
        }

        File.Move(tampered, path, overwrite: true);
    }
}
