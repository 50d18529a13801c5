using System.Formats.Tar;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tollgate.Security.Sbom;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Sbom;

/// <summary>
/// The image scanner against a real image built at test time through the Engine API: a .deps.json (this test
/// project's own), a dpkg status (the host's, a real Debian one) and a few megabytes of real assemblies in between,
/// so tar entries end on every kind of boundary of the engine's chunked response.
/// </summary>
public sealed class ImageScannerTests
{
    private const string Endpoint = "unix:///var/run/docker.sock";

    [RequiresToolFact("dockerd", "bash .ci/install.d/10-docker.sh")]
    public async Task I_can_read_the_deps_json_and_dpkg_status_of_a_real_image_through_the_engine_api()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var directory = new TempDirectory("tollgate-image-scan");
        var session = Guid.NewGuid().ToString("N")[..12];
        var tag = $"localhost/tollgate-scan-test:{session}";
        var status = DpkgStatus();
        using var client = new DockerClientBuilder().WithEndpoint(new Uri(Endpoint)).Build();
        await BuildAsync(client, tag, session, status, timeout.Token);
        try
        {
            directory.Write("artifacts/image/image.json", new JsonObject { ["repository"] = "localhost/tollgate-scan-test", ["tags"] = new JsonArray(session) }.ToJsonString());

            var result = await new ImageScanner(new ImageScanOptions(directory.Path, directory["artifacts/scan"]) { DockerEndpoint = Endpoint }).ScanAsync(timeout.Token);

            result.Status.Should().Be(ScannerStatus.Ran, result.Reason);
            var bom = JsonNode.Parse(File.ReadAllText(directory["artifacts/scan/image.cdx.json"]))!;
            var purls = bom["components"]!.AsArray().Select(c => c!["purl"]!.GetValue<string>()).ToList();
            purls.Should().Contain(p => p.StartsWith("pkg:nuget/YamlDotNet@", StringComparison.Ordinal));
            purls.Should().Contain(p => p.StartsWith("pkg:nuget/CliWrap@", StringComparison.Ordinal));
            var installed = status.Split('\n').Count(l => l == "Status: install ok installed");
            purls.Count(p => p.StartsWith("pkg:deb/debian/", StringComparison.Ordinal)).Should().Be(installed);
            purls.Should().Contain("pkg:deb/debian/tollgate-fixture@1.2-3");
            purls.Should().NotContain(p => p.Contains("tollgate-removed", StringComparison.Ordinal));
        }
        finally
        {
            await client.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true }, CancellationToken.None);
        }
    }

    [RequiresToolFact("dockerd", "bash .ci/install.d/10-docker.sh")]
    public async Task An_image_that_is_not_in_the_engine_is_pulled_by_the_digest_in_the_record()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var directory = new TempDirectory("tollgate-image-pull");
        var session = Guid.NewGuid().ToString("N")[..12];
        var port = FreePort();
        directory.Write("registry.yml", $"version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: {directory["registry"]}\nhttp:\n  addr: 127.0.0.1:{port}\n");
        using var registry = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("docker-registry", ["serve", directory["registry.yml"]]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var repository = $"127.0.0.1:{port}/tollgate-scan-pull";
        var tag = $"{repository}:{session}";
        using var client = new DockerClientBuilder().WithEndpoint(new Uri(Endpoint)).Build();
        try
        {
            await WaitForRegistryAsync(port, timeout.Token);
            await BuildAsync(client, tag, session, DpkgStatus(), timeout.Token);
            string? digest = null;
            await client.Images.PushImageAsync(tag, new ImagePushParameters(), new AuthConfig(), new SyncProgress(m => digest ??= m.Aux?.ExtensionData?["Digest"]?.ToString()), timeout.Token);
            digest.Should().StartWith("sha256:");
            await client.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true }, timeout.Token);
            directory.Write("artifacts/image/image.json", new JsonObject { ["repository"] = repository, ["digest"] = digest, ["imageId"] = "sha256:" + new string('0', 64) }.ToJsonString());

            var result = await new ImageScanner(new ImageScanOptions(directory.Path, directory["artifacts/scan"]) { DockerEndpoint = Endpoint }).ScanAsync(timeout.Token);

            result.Status.Should().Be(ScannerStatus.Ran, result.Reason);
            File.ReadAllText(directory["artifacts/scan/image.cdx.json"]).Should().Contain("pkg:deb/debian/tollgate-fixture@1.2-3");
            await client.Images.DeleteImageAsync($"{repository}@{digest}", new ImageDeleteParameters { Force = true }, CancellationToken.None);
        }
        finally
        {
            registry.Kill(entireProcessTree: true);
            await registry.WaitForExitAsync(CancellationToken.None);
            try
            {
                await client.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true }, CancellationToken.None);
            }
            catch (DockerImageNotFoundException)
            {
                // Already removed by the test.
            }
        }
    }

    [RequiresToolFact("dockerd", "bash .ci/install.d/10-docker.sh")]
    public async Task An_image_that_is_neither_in_the_engine_nor_pullable_is_not_run_naming_the_fixes()
    {
        using var directory = new TempDirectory("tollgate-image-pull");
        var repository = $"127.0.0.1:{FreePort()}/tollgate-scan-gone";
        directory.Write("artifacts/image/image.json", new JsonObject { ["repository"] = repository, ["tags"] = new JsonArray("1.0.0"), ["digest"] = "sha256:" + new string('1', 64), ["imageId"] = "sha256:" + new string('0', 64) }.ToJsonString());

        var result = await new ImageScanner(new ImageScanOptions(directory.Path, directory["out"]) { DockerEndpoint = Endpoint }).ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.NotRun);
        result.Reason.Should().Contain($"{repository}:1.0.0 from artifacts/image/image.json is not in the engine")
            .And.Contain($"pulling {repository}@sha256:1111").And.Contain("loopback address")
            .And.Contain("--registry").And.Contain("./build.sh Build Scan").And.Contain("--scan-allow-not-run image");
    }

    [Fact]
    public async Task A_missing_image_json_is_not_run_with_the_fix()
    {
        using var directory = new TempDirectory("tollgate-image-scan");

        var result = await new ImageScanner(new ImageScanOptions(directory.Path, directory["out"])).ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.NotRun);
        result.Reason.Should().Contain("artifacts/image/image.json").And.Contain("./build.sh Build Scan");
    }

    [Fact]
    public async Task An_unreachable_engine_is_not_run_naming_the_endpoint()
    {
        using var directory = new TempDirectory("tollgate-image-scan");
        directory.Write("artifacts/image/image.json", """{"repository":"localhost/app","tags":["1.0.0"]}""");
        var options = new ImageScanOptions(directory.Path, directory["out"]) { DockerEndpoint = "unix://" + directory["no-engine.sock"] };

        var result = await new ImageScanner(options).ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.NotRun);
        result.Reason.Should().Contain("localhost/app:1.0.0").And.Contain("no-engine.sock");
    }

    [Theory]
    [InlineData("""{"repository":"r","tags":["t"],"digest":"sha256:ab"}""", "r:t", "r:t")]
    [InlineData("""{"repository":"r","digest":"sha256:ab"}""", "r@sha256:ab", "r@sha256:ab")]
    [InlineData("""{"repository":"r","tags":["t"],"imageId":"sha256:cd"}""", "sha256:cd", "r:t")]
    [InlineData("""{"repository":"r"}""", "r", "r")]
    public void The_reference_prefers_the_local_id_then_a_tag_then_the_digest(string json, string reference, string display)
    {
        using var directory = new TempDirectory("tollgate-image-scan");

        ImageScanner.ReadReference(directory.Write("image.json", json), "image.json").Should().Be((reference, display));
    }

    [Theory]
    [InlineData("not json", "is not JSON")]
    [InlineData("""{"tags":["t"]}""", "has no 'repository'")]
    public void A_broken_image_json_names_the_file_and_the_fix(string json, string expected)
    {
        using var directory = new TempDirectory("tollgate-image-scan");

        var act = () => ImageScanner.ReadReference(directory.Write("image.json", json), "artifacts/image/image.json");

        act.Should().Throw<ScanException>().WithMessage($"*artifacts/image/image.json*{expected}*Run Build again*");
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForRegistryAsync(int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        while (true)
        {
            try
            {
                (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/v2/"), cancellationToken)).EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private sealed class SyncProgress(Action<JSONMessage> report) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value) => report(value);
    }

    /// <summary>The host's dpkg status when it is a Debian machine, plus two paragraphs the test checks by name.</summary>
    internal static string DpkgStatus()
    {
        var host = File.Exists("/var/lib/dpkg/status") ? File.ReadAllText("/var/lib/dpkg/status").TrimEnd('\n') + "\n\n" : string.Empty;
        return host + """
            Package: tollgate-fixture
            Status: install ok installed
            Priority: optional
            Architecture: amd64
            Version: 1.2-3
            Description: a package the image test looks for
             with a continuation line: Version: 9.9

            Package: tollgate-removed
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 0.1-1

            """.ReplaceLineEndings("\n");
    }

    internal static async Task BuildAsync(DockerClient client, string tag, string session, string status, CancellationToken cancellationToken)
    {
        using var context = new MemoryStream();
        await using (var tar = new TarWriter(context, TarEntryFormat.Pax, leaveOpen: true))
        {
            await AddAsync(tar, "Dockerfile", "FROM scratch\nCOPY . /\n", cancellationToken);
            await AddAsync(tar, "var/lib/dpkg/status", status, cancellationToken);
            // A layer of this session's own: with identical content the test classes running in parallel shared the COPY
            // layer, and one class deleting its image (force, by id) removed that parent while another was building on it
            // from the cache ("No such image" right after a successful build).
            await AddAsync(tar, "etc/tollgate-session", session, cancellationToken);
            await tar.WriteEntryAsync(Path.Combine(AppContext.BaseDirectory, "Tollgate.Security.Tests.deps.json"), "app/Sample.deps.json", cancellationToken);
            foreach (var assembly in Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Order(StringComparer.Ordinal).Take(40))
            {
                await tar.WriteEntryAsync(assembly, "app/" + Path.GetFileName(assembly), cancellationToken);
            }
        }

        context.Position = 0;
        var parameters = new ImageBuildParameters
        {
            Tags = [tag],
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["tollgate"] = "tests", ["tollgate.session"] = session },
            Remove = true,
            ForceRemove = true,
        };
        var errors = new List<string>();
        await client.Images.BuildImageFromDockerfileAsync(parameters, context, [], new Dictionary<string, string>(), new Progress<JSONMessage>(m =>
        {
            if (m.Error is not null)
            {
                errors.Add(m.Error.Message ?? "build error");
            }
        }), cancellationToken);
        errors.Should().BeEmpty();
    }

    private static async Task AddAsync(TarWriter tar, string name, string content, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)) };
        await tar.WriteEntryAsync(entry, cancellationToken);
    }
}
