using Docker.DotNet;
using Docker.DotNet.Models;
using Tollgate.Security.Dependencies;

namespace Tollgate.Security.Sbom;

/// <summary>
/// The built image's SBOM and dependency advisories. Reads the image named by the Build stage's
/// <c>artifacts/image/image.json</c> ({repository, tags, digest, ...}) through the Docker Engine API: creates a
/// container without starting it, streams its filesystem from the archive endpoint, reads .deps.json files and the
/// dpkg status, removes the container, writes <c>image.cdx.json</c> (CycloneDX 1.5) and matches the NuGet packages
/// against the advisories. Without image.json it is "not run" (the gate decides whether that may pass).
/// </summary>
/// <param name="options">Where things are.</param>
public sealed class ImageScanner(ImageScanOptions options) : IScanner
{
    /// <summary>The BOM's file name.</summary>
    public const string FileName = "image.cdx.json";

    /// <inheritdoc />
    public string Id => "image";

    /// <inheritdoc />
    public async Task<ScannerResult> ScanAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var imageJson = Path.Combine(options.RootDirectory, options.ImageJson);
        if (!File.Exists(imageJson))
        {
            return ScannerResult.NotRun(Id, $"{options.ImageJson} does not exist: no image was built in this run. Run the Build target first (./build.sh Build Scan), or allow it with --scan-allow-not-run image when the image is scanned elsewhere.");
        }

        var record = ImageRecord.Read(imageJson, options.ImageJson);
        var display = record.Display;
        string reference;
        string? loadedFrom = null;
        IReadOnlyList<Package> packages;
        try
        {
            // Pulls and archive loads stream for minutes: every call takes the token instead of a per-request timeout.
            using var client = new DockerClientBuilder().WithEndpoint(new Uri(options.DockerEndpoint)).WithTimeout(Timeout.InfiniteTimeSpan).Build();
            var local = await record.FindLocalAsync(client, cancellationToken).ConfigureAwait(false);
            if (local is null && await record.PullAsync(client, cancellationToken).ConfigureAwait(false) is { } pullFailure)
            {
                if (record.Archive is not { } archive || !File.Exists(archive))
                {
                    return ScannerResult.NotRun(Id, NotInEngine(record, pullFailure));
                }

                local = await LoadArchiveAsync(client, record, archive, cancellationToken).ConfigureAwait(false);
                loadedFrom = $"; loaded from {Path.GetRelativePath(options.RootDirectory, archive).Replace('\\', '/')} because {pullFailure}";
            }

            reference = local ?? record.Pullable!;
            packages = await ReadPackagesAsync(client, reference, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or System.Net.Sockets.SocketException)
        {
            return ScannerResult.NotRun(Id, $"the image {display} could not be read through the Docker Engine API at {options.DockerEndpoint} ({e.Message.Split('\n')[0]}). Start Docker, or build the image again.");
        }

        Directory.CreateDirectory(options.OutputDirectory);
        var bomPath = Path.Combine(options.OutputDirectory, FileName);
        await File.WriteAllTextAsync(bomPath, CycloneDxWriter.Write(display, reference, "container", packages, options.ToolVersion, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
        var findings = new List<Finding>();
        var rules = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        if (options.Advisories is { } database)
        {
            foreach (var package in packages)
            {
                foreach (var (advisory, fixedIn) in database.Match(package))
                {
                    var help = fixedIn is null ? "No fixed version is published." : $"Rebuild the image with {package.Name} {fixedIn} or later.";
                    rules.TryAdd(advisory.Id, new RuleDescriptor(advisory.Id, advisory.Id, advisory.Summary, help, advisory.Severity));
                    var location = new FindingLocation(options.ImageJson, 1) { Image = display, Package = $"{package.Name}@{package.Version}" };
                    findings.Add(Finding.Create(Id, advisory.Id, advisory.Severity, $"{package.Name} {package.Version} in {package.Source} is affected by {advisory.Id}: {advisory.Summary}.", location, $"{package.Name}@{package.Version}") with { Help = help, FixedVersion = fixedIn });
                }
            }
        }

        var debian = packages.Count(p => p.Ecosystem == "Debian");
        var note = $"{packages.Count} package(s) ({debian} Debian) in {display}; SBOM {Path.GetRelativePath(options.RootDirectory, bomPath).Replace('\\', '/')}"
            + loadedFrom
            + (options.Advisories is null ? "; no advisory source, so packages were not matched" : string.Empty);
        return ScannerResult.Ran(Id, [.. rules.Values], findings, packages.Count, note);
    }

    /// <summary>The image from the Build stage's archive, checked against the record's image id; its id in the engine.</summary>
    private async Task<string> LoadArchiveAsync(DockerClient client, ImageRecord record, string archive, CancellationToken cancellationToken)
    {
        var display = Path.GetRelativePath(options.RootDirectory, archive).Replace('\\', '/');
        var id = record.Id ?? throw new ScanException($"{options.ImageJson} names the archive {display} but records no imageId to check it against; run Build again.");
        await ImageArchive.VerifyAsync(archive, id, display, cancellationToken).ConfigureAwait(false);
        await ImageArchive.LoadAsync(client, archive, id, display, cancellationToken).ConfigureAwait(false);
        return id;
    }

    private string NotInEngine(ImageRecord record, string pullFailure)
    {
        var loopback = record.Pullable is { } pullable && (pullable.StartsWith("127.", StringComparison.Ordinal) || pullable.StartsWith("localhost", StringComparison.Ordinal));
        var archive = record.Archive is { } named
            ? $"The record names the image archive {Path.GetRelativePath(options.RootDirectory, named).Replace('\\', '/')}, which is not here: download the Build job's artifact that holds it into {Path.GetRelativePath(options.RootDirectory, Path.GetDirectoryName(named)!).Replace('\\', '/')} (the generated workflows download image-archive there). "
            : "Let Build write the image archive for this job (--image-archive true; automatic on GitHub Actions when the registry is a loopback one) and hand it over as an artifact (the generated workflows' image-archive), ";
        return $"the image {record.Display} from {options.ImageJson} is not in the engine at {options.DockerEndpoint} (a CI job on another runner has only the record), and {pullFailure}. "
            + (loopback ? "Its registry is on the loopback address of the machine that built it: push to a registry this job can reach (--registry), " : "Push it to a registry this job can reach (--registry), ")
            + "run docker login and docker pull before the scan for a private one, or run Build and Scan in one job (./build.sh Build Scan). "
            + archive + "or allow it with --scan-allow-not-run image.";
    }

    private static async Task<IReadOnlyList<Package>> ReadPackagesAsync(DockerClient client, string reference, CancellationToken cancellationToken)
    {
        var created = await client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = reference,
                Cmd = ["/tollgate-scan-never-started"],
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["tollgate"] = "scan", ["tollgate.scan"] = Guid.NewGuid().ToString("N") },
            },
            cancellationToken).ConfigureAwait(false);
        try
        {
            var archive = await client.Containers.GetArchiveFromContainerAsync(created.ID, new ContainerPathStatParameters { Path = "/" }, false, cancellationToken).ConfigureAwait(false);
            using var stream = new EngineArchiveStream(archive.Stream ?? throw new IOException($"The Engine API returned no archive for container {created.ID}."));
            return await ImageContents.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The reference to create a container from (local id, else repository:tag, else repository@digest) and a display name.</summary>
    internal static (string Reference, string Display) ReadReference(string path, string displayPath)
    {
        var record = ImageRecord.Read(path, displayPath);
        return (record.Local[0], record.Display);
    }
}

/// <summary>What the image scanner reads and writes.</summary>
/// <param name="RootDirectory">The repository root.</param>
/// <param name="OutputDirectory">Where <c>image.cdx.json</c> goes.</param>
public sealed record ImageScanOptions(string RootDirectory, string OutputDirectory)
{
    /// <summary>The Build stage's image record, relative to the root.</summary>
    public string ImageJson { get; init; } = "artifacts/image/image.json";

    /// <summary>The Docker Engine API endpoint.</summary>
    public string DockerEndpoint { get; init; } = "unix:///var/run/docker.sock";

    /// <summary>Advisories to match the image's packages against (null: SBOM only).</summary>
    public OsvDatabase? Advisories { get; init; }

    /// <summary>Tollgate's version, recorded in the BOM.</summary>
    public string ToolVersion { get; init; } = "0.1.0";
}
