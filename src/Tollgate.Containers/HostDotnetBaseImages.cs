using System.Globalization;
using System.Text.RegularExpressions;

namespace Tollgate.Containers;

/// <summary>
/// Base images made from the host's .NET for machines that cannot pull Microsoft's (no network, as in CI here):
/// <c>FROM scratch</c> plus the .NET install and the shared libraries <c>ldd</c> names, with invariant globalization.
/// The runtime image has the ASP.NET Core and .NET runtimes; the SDK image all of .NET plus TLS, DNS and the host's
/// NuGet.Config. Neither has a shell: Dockerfiles use exec-form RUN. Images are cached by .NET version.
/// </summary>
public sealed partial class HostDotnetBaseImages
{
    /// <summary>The runtime image's repository.</summary>
    public const string RuntimeRepository = "localhost/tollgate/dotnet-runtime";

    /// <summary>The SDK image's repository.</summary>
    public const string SdkRepository = "localhost/tollgate/dotnet-sdk";

    // Bump when the recipe changes so cached images of the same .NET version are rebuilt.
    private const string Recipe = "1";
    private const string RecipeLabel = "build.tollgate.base-recipe";
    private static readonly string[] TlsAndDnsLibraries = ["libssl.so.3", "libcrypto.so.3", "libz.so.1", "libresolv.so.2", "libnss_files.so.2", "libnss_dns.so.2"];
    private static readonly string[] LibraryDirectories = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"];

    private readonly ContainerEngineClient _client;
    private readonly IProcessRunner _processes;
    private readonly IBuildLog _log;
    private readonly HostDotnet _dotnet;

    /// <summary>Creates the provider for the host's .NET (<paramref name="dotnet"/>, default <see cref="HostDotnet.Locate"/>).</summary>
    public HostDotnetBaseImages(ContainerEngineClient client, IProcessRunner processes, IBuildLog log, HostDotnet? dotnet = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(log);
        _client = client;
        _processes = processes;
        _log = log;
        _dotnet = dotnet ?? HostDotnet.Locate();
    }

    /// <summary>The runtime image's tag for the host's .NET.</summary>
    public string RuntimeReference => $"{RuntimeRepository}:{_dotnet.RuntimeVersion}";

    /// <summary>The SDK image's tag for the host's .NET.</summary>
    public string SdkReference => $"{SdkRepository}:{_dotnet.SdkVersion ?? "none"}";

    /// <summary>The ASP.NET Core runtime image (like <c>mcr.microsoft.com/dotnet/aspnet</c>), built when missing.</summary>
    public Task<BaseImage> EnsureRuntimeImageAsync(CancellationToken cancellationToken)
    {
        var version = _dotnet.RuntimeVersion;
        string[] parts = ["dotnet", "host", $"shared/Microsoft.NETCore.App/{version}", $"shared/Microsoft.AspNetCore.App/{version}", "LICENSE.txt", "ThirdPartyNotices.txt"];
        return EnsureAsync(RuntimeReference, "runtime", parts, TlsAndDnsLibraries, "ENV ASPNETCORE_HTTP_PORTS=8080 APP_UID=1654", cancellationToken);
    }

    /// <summary>The SDK image (like <c>mcr.microsoft.com/dotnet/sdk</c>), built when missing.</summary>
    public Task<BaseImage> EnsureSdkImageAsync(CancellationToken cancellationToken)
    {
        if (_dotnet.SdkVersion is null)
        {
            throw new ContainerException($"The .NET at {_dotnet.Root} has no SDK, so no SDK base image can be made from it; install the .NET SDK or give SDK_IMAGE.");
        }

        var parts = Directory.EnumerateFileSystemEntries(_dotnet.Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        return EnsureAsync(SdkReference, "sdk", parts, TlsAndDnsLibraries, "ENV HOME=/root NUGET_XMLDOC_MODE=skip DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1", cancellationToken);
    }

    private async Task<BaseImage> EnsureAsync(string reference, string kind, IReadOnlyList<string> dotnetParts, IReadOnlyList<string> extraLibraries, string extraEnvironment, CancellationToken cancellationToken)
    {
        var existing = await _client.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.Labels.TryGetValue(RecipeLabel, out var recipe) && recipe == Recipe)
        {
            _log.Debug($"Base image {reference} is there (host .NET {_dotnet.RuntimeVersion})");
            return new BaseImage(reference, existing.Id, Built: false);
        }

        _log.Information($"Providing the {kind} base image {reference} from the host's .NET at {_dotnet.Root} (FROM scratch + .NET + its shared libraries): Microsoft's images are not used for it");
        var context = Path.Combine(Path.GetTempPath(), $"tollgate-base-{kind}-{Guid.NewGuid():N}");
        try
        {
            var files = new List<ContextFile>();
            files.AddRange(dotnetParts
                .Where(p => File.Exists(Path.Combine(_dotnet.Root, p)) || Directory.Exists(Path.Combine(_dotnet.Root, p)))
                .Select(p => new ContextFile(Path.Combine(_dotnet.Root, p), $"rootfs/usr/share/dotnet/{p}")));
            var libraries = await SharedLibrariesAsync(extraLibraries, cancellationToken).ConfigureAwait(false);
            files.AddRange(libraries.Select(l => new ContextFile(l, "rootfs" + l)));
            WriteSkeleton(context);
            if (kind == "sdk" && File.Exists(NuGetConfig()))
            {
                files.Add(new ContextFile(NuGetConfig(), "rootfs/root/.nuget/NuGet/NuGet.Config"));
            }

            if (File.Exists("/etc/ssl/certs/ca-certificates.crt"))
            {
                files.Add(new ContextFile("/etc/ssl/certs/ca-certificates.crt", "rootfs/etc/ssl/certs/ca-certificates.crt"));
            }

            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), string.Join('\n',
                "FROM scratch",
                "COPY rootfs/ /",
                "ENV PATH=/usr/share/dotnet:/usr/local/bin:/usr/bin:/bin DOTNET_ROOT=/usr/share/dotnet DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_NOLOGO=1 \\",
                "    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt SSL_CERT_DIR=/etc/ssl/certs",
                extraEnvironment,
                string.Empty), cancellationToken).ConfigureAwait(false);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [TollgateLabels.Managed] = "true",
                [TollgateLabels.Owner] = "base-images",
                [RecipeLabel] = Recipe,
                ["org.opencontainers.image.version"] = kind == "sdk" ? _dotnet.SdkVersion! : _dotnet.RuntimeVersion,
                ["org.opencontainers.image.description"] = $".NET {kind} from the host's {_dotnet.Root}",
            };
            var built = await _client.BuildImageAsync(new ImageBuildRequest(context) { Tags = [reference], Labels = labels, ExtraFiles = files }, cancellationToken).ConfigureAwait(false);
            _log.Information($"Provided {reference} ({libraries.Count} shared libraries, {built.ContextBytes / 1024 / 1024} MB) in {DurationText.Format(built.Duration)}; it is reused until the host's .NET changes");
            return new BaseImage(reference, built.Id, Built: true);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    /// <summary>The libraries <c>dotnet</c> and the runtime's native libraries link against (loader included), plus <paramref name="extra"/>.</summary>
    private async Task<IReadOnlyList<string>> SharedLibrariesAsync(IReadOnlyList<string> extra, CancellationToken cancellationToken)
    {
        var binaries = new List<string> { Path.Combine(_dotnet.Root, "dotnet") };
        binaries.AddRange(Directory.GetFiles(Path.Combine(_dotnet.Root, "shared", "Microsoft.NETCore.App", _dotnet.RuntimeVersion), "*.so"));
        binaries.AddRange(Directory.GetFiles(Path.Combine(_dotnet.Root, "host", "fxr"), "*.so", SearchOption.AllDirectories));
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in extra)
        {
            var path = LibraryDirectories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
            if (path is not null)
            {
                found.Add(path);
                binaries.Add(path);
            }
        }

        var result = await _processes.RunAsync(new CommandSpec("ldd").WithArguments(binaries).WithCapture().WithValidation(false) with { LogOutput = false }, cancellationToken).ConfigureAwait(false);
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            var match = LddLine().Match(line);
            if (match.Success)
            {
                found.Add(match.Groups["path"].Value);
            }
        }

        return found.Count > 1
            ? [.. found]
            : throw new ContainerException($"ldd named no shared libraries for {binaries[0]} (exit {result.ExitCode.ToString(CultureInfo.InvariantCulture)}: {result.StandardError.Trim()}); the host .NET cannot be turned into a base image here.");
    }

    /// <summary>/etc files a .NET process wants (users, name resolution) and a world-writable /tmp.</summary>
    private static void WriteSkeleton(string context)
    {
        var etc = Path.Combine(context, "rootfs", "etc");
        Directory.CreateDirectory(etc);
        File.WriteAllText(Path.Combine(etc, "passwd"), "root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/home/app:/sbin/nologin\n");
        File.WriteAllText(Path.Combine(etc, "group"), "root:x:0:\napp:x:1654:\n");
        File.WriteAllText(Path.Combine(etc, "nsswitch.conf"), "hosts: files dns\n");
        Directory.CreateDirectory(Path.Combine(context, "rootfs", "root"));
        var tmp = Directory.CreateDirectory(Path.Combine(context, "rootfs", "tmp"));
        if (!OperatingSystem.IsWindows())
        {
            tmp.UnixFileMode = (UnixFileMode)0b1_111_111_111;
        }
    }

    private static string NuGetConfig() => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");

    [GeneratedRegex(@"(?:=>\s+)?(?<path>/\S+)\s+\(0x[0-9a-f]+\)")]
    private static partial Regex LddLine();
}
