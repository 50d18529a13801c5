using Tollgate.Containers;

namespace Tollgate.Components.BuildImage;

/// <summary>The Build target's work, kept out of the interface so the interface stays a list of parameters.</summary>
internal static class BuildImageStage
{
    private const int LocalRegistryDefaultPort = 5000;
    private const string MicrosoftSdk = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string MicrosoftRuntime = "mcr.microsoft.com/dotnet/aspnet:10.0";

    public static async Task<ImageManifest> RunAsync(IBuildImage build, CancellationToken cancellationToken)
    {
        var engine = await EngineProvisioning.ConnectAsync(build, cancellationToken).ConfigureAwait(false);
        using var client = new ContainerEngineClient(engine, build.Log);
        var session = TollgateLabels.NewSession();
        // The project label too, so Destroy also finds a smoke-test container that a killed build (SIGKILL) left behind.
        var labels = new Dictionary<string, string>(TollgateLabels.For(session, "build-image"), StringComparer.Ordinal)
        {
            [TollgateLabels.Project] = TollgateLabels.ProjectId(build.RootDirectory),
        };
        try
        {
            var revision = await GitRevisionReader.ReadAsync(build.Processes, build.RootDirectory, build.EnvironmentVariable, cancellationToken).ConfigureAwait(false);
            var tags = GitImageTags.For(revision);
            var registry = build.Registry ?? await LocalRegistryAsync(build, cancellationToken).ConfigureAwait(false);
            var repository = $"{registry}/{build.ImageRepository ?? "research-assistant"}";
            var credentials = build.RegistryUsername is { } user ? new RegistryCredentials(user, build.RegistryPassword ?? string.Empty) : null;
            var buildArgs = ParseBuildArgs(build.ImageBuildArgs ?? []);
            await ChooseBaseImagesAsync(build, client, buildArgs, cancellationToken).ConfigureAwait(false);

            var version = GitImageTags.Version(revision);
            var builtAt = DateTimeOffset.UtcNow;
            var request = new ImageBuildRequest(build.RootDirectory / (build.ImageContext ?? "."))
            {
                Dockerfile = build.RootDirectory / (build.ImageDockerfile ?? "src/ResearchAssistant/Dockerfile"),
                Tags = [.. tags.Select(t => $"{repository}:{t}")],
                BuildArgs = buildArgs,
                Labels = OciLabels(build, revision, version, builtAt),
                Target = build.ImageTarget,
                NoCache = build.ImageNoCache ?? false,
                Pull = build.ImagePull ?? false,
            };
            var builder = (build.ImageBuilder ?? "engine").ToLowerInvariant();
            if (builder is not ("engine" or "sdk"))
            {
                throw new TollgateException($"--image-builder {build.ImageBuilder} is not known; use engine or sdk.");
            }

            string imageId;
            string? digest = null;
            IReadOnlyList<string> baseImages;
            TimeSpan duration;
            if (builder == "sdk")
            {
                // Daemonless: the SDK pushes the image itself; the engine is still used for the base image and the smoke test.
                var baseImage = await PushedBaseImageAsync(client, registry, buildArgs, credentials, cancellationToken).ConfigureAwait(false);
                var started = System.Diagnostics.Stopwatch.StartNew();
                var repositoryName = build.ImageRepository ?? "research-assistant";
                digest = await new SdkContainerPublisher(build.Processes, build.Log).PublishAsync(
                    new SdkPublishRequest(build.RootDirectory / (build.ImageProject ?? "src/ResearchAssistant/ResearchAssistant.csproj"), registry, repositoryName, tags, baseImage, request.Labels) { Credentials = credentials },
                    cancellationToken).ConfigureAwait(false);
                duration = started.Elapsed;
                imageId = $"{repository}@{digest}";
                await client.PullImageAsync(imageId, credentials, cancellationToken).ConfigureAwait(false);
                baseImages = [baseImage];
            }
            else
            {
                var built = await client.BuildImageAsync(request, cancellationToken).ConfigureAwait(false);
                (imageId, baseImages, duration) = (built.Id, built.BaseImages, built.Duration);
            }

            var smoke = "skipped";
            if (build.ImageSmokeTest ?? true)
            {
                await new ImageSmokeTest(client, build.Log).RunAsync(imageId, labels, TimeSpan.FromSeconds(90), cancellationToken).ConfigureAwait(false);
                smoke = "passed";
            }

            if (builder == "engine" && (build.ImagePush ?? true))
            {
                foreach (var reference in request.Tags)
                {
                    digest = (await client.PushImageAsync(reference, credentials, cancellationToken).ConfigureAwait(false)).Digest;
                }
            }

            var details = await client.InspectImageAsync(imageId, cancellationToken).ConfigureAwait(false);
            var archive = await WriteArchiveAsync(build, client, builder == "sdk" ? imageId : request.Tags[0], digest is not null, registry, cancellationToken).ConfigureAwait(false);
            var manifest = new ImageManifest(registry, repository, tags, digest, details?.Id ?? imageId, details?.Size ?? 0, Math.Round(duration.TotalSeconds, 1), builtAt, baseImages, revision.Sha, version, smoke) { Archive = archive };
            var path = build.ArtifactsDirectory / "image" / "image.json";
            manifest.Write(path);
            build.Log.Information($"{manifest.Reference} ({string.Join(", ", tags)}); wrote {path}");
            build.ReportOutcome(manifest.ShortReference);
            return manifest;
        }
        finally
        {
            // Containers and networks of this run, also after a failure or Ctrl-C (hence no cancellation token).
            await client.RemoveByLabelAsync(TollgateLabels.SessionFilter(session), includeImages: false, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Writes artifacts/image-archive/image.tar.gz when <see cref="ImageArchivePolicy"/> says so (else removes an old one); its path as image.json names it, or null.</summary>
    private static async Task<string?> WriteArchiveAsync(IBuildImage build, ContainerEngineClient client, string image, bool pushed, string registry, CancellationToken cancellationToken)
    {
        var path = build.ArtifactsDirectory / ImageArchivePolicy.Folder / ImageArchivePolicy.FileName;
        var onGitHubActions = string.Equals(build.EnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        if (ImageArchivePolicy.Reason(build.ImageArchive, pushed, registry, onGitHubActions) is not { } reason)
        {
            // An archive of an earlier build must not travel in the artifact as if it were this one. The folder may not
            // exist yet (a first build), and File.Delete throws for a missing folder.
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            return null;
        }

        build.Log.Information($"Writing the image archive ({reason}); --image-archive false turns it off");
        await client.SaveImageAsync(image, path, cancellationToken).ConfigureAwait(false);
        return ImageArchivePolicy.RecordPath;
    }

    /// <summary>The base for the sdk builder, in the registry: BASE_IMAGE as given, else the host-built runtime pushed there.</summary>
    private static async Task<string> PushedBaseImageAsync(ContainerEngineClient client, string registry, Dictionary<string, string> buildArgs, RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        var local = buildArgs.GetValueOrDefault("BASE_IMAGE", MicrosoftRuntime);
        if (local.StartsWith(registry + "/", StringComparison.Ordinal) || local.StartsWith("mcr.microsoft.com/", StringComparison.Ordinal))
        {
            return local;
        }

        var pushed = $"{registry}/{local.Replace("localhost/", string.Empty, StringComparison.Ordinal)}";
        await client.TagImageAsync(local, pushed, cancellationToken).ConfigureAwait(false);
        await client.PushImageAsync(pushed, credentials, cancellationToken).ConfigureAwait(false);
        return pushed;
    }

    /// <summary>Removes the images Build made for this repository (by <see cref="TollgateLabels.Project"/>); never starts an engine.</summary>
    public static async Task<int> DestroyImagesAsync(IBuildImage build, CancellationToken cancellationToken)
    {
        EngineInfo engine;
        try
        {
            engine = await new EngineLocator().LocateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EngineNotFoundException)
        {
            build.Log.Information("No container engine answers, so there are no images of this repository to remove");
            return 0;
        }

        using var client = new ContainerEngineClient(engine, build.Log);
        var filter = TollgateLabels.ProjectFilter(build.RootDirectory);
        var removed = await client.RemoveByLabelAsync(filter, includeImages: true, cancellationToken).ConfigureAwait(false);
        build.Log.Information($"Removed {removed.Images} images, {removed.Containers} containers and {removed.Networks} networks labelled {filter} (this repository's builds) from {engine.Kind} at {engine.Endpoint}");
        return removed.Images;
    }

    private static async Task<string> LocalRegistryAsync(IBuildImage build, CancellationToken cancellationToken)
    {
        var port = build.LocalRegistryPort ?? LocalRegistryDefaultPort;
        if (port is < 1 or > 65535)
        {
            throw new TollgateException($"--local-registry-port {port} is not a TCP port; give one from 1 to 65535 (default {LocalRegistryDefaultPort}).");
        }

        var address = $"127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        if (!await LocalRegistry.IsAnsweringAsync(address, cancellationToken).ConfigureAwait(false))
        {
            await new LocalRegistry(build.LocalRegistryDirectory, build.Log).StartAsync(port, htpasswdFile: null, cancellationToken).ConfigureAwait(false);
        }

        return address;
    }

    /// <summary>SDK_IMAGE and BASE_IMAGE: as given, else Microsoft's when here or pullable, else built from the host's .NET.</summary>
    private static async Task ChooseBaseImagesAsync(IBuildImage build, ContainerEngineClient client, Dictionary<string, string> buildArgs, CancellationToken cancellationToken)
    {
        var mode = (build.BaseImages ?? "auto").ToLowerInvariant();
        if (mode is not ("auto" or "host" or "pull"))
        {
            throw new TollgateException($"--base-images {build.BaseImages} is not known; use auto, host or pull.");
        }

        if (buildArgs.ContainsKey("SDK_IMAGE") && buildArgs.ContainsKey("BASE_IMAGE") || mode == "pull")
        {
            return;
        }

        if (mode == "auto" && await AvailableAsync(client, MicrosoftSdk, cancellationToken).ConfigureAwait(false) && await AvailableAsync(client, MicrosoftRuntime, cancellationToken).ConfigureAwait(false))
        {
            build.Log.Information($"Base images: {MicrosoftSdk} and {MicrosoftRuntime}");
            return;
        }

        build.Log.Information(mode == "host"
            ? "Base images: built from the host's .NET (--base-images host)"
            : $"Base images: {MicrosoftSdk} / {MicrosoftRuntime} cannot be pulled here, so the stage provides them from the host's .NET (SDK_IMAGE and BASE_IMAGE build arguments)");
        var provider = new HostDotnetBaseImages(client, build.Processes, build.Log);
        if (!buildArgs.ContainsKey("SDK_IMAGE"))
        {
            buildArgs["SDK_IMAGE"] = (await provider.EnsureSdkImageAsync(cancellationToken).ConfigureAwait(false)).Reference;
        }

        if (!buildArgs.ContainsKey("BASE_IMAGE"))
        {
            buildArgs["BASE_IMAGE"] = (await provider.EnsureRuntimeImageAsync(cancellationToken).ConfigureAwait(false)).Reference;
        }
    }

    private static async Task<bool> AvailableAsync(ContainerEngineClient client, string image, CancellationToken cancellationToken)
    {
        if (await client.InspectImageAsync(image, cancellationToken).ConfigureAwait(false) is not null)
        {
            return true;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await client.PullImageAsync(image, null, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (ContainerException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static Dictionary<string, string> ParseBuildArgs(IEnumerable<string> arguments)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new TollgateException($"--image-build-args {argument}: expected NAME=value (e.g. BASE_IMAGE=localhost/aspnet:10).");
            }

            result[argument[..equals]] = argument[(equals + 1)..];
        }

        return result;
    }

    private static Dictionary<string, string> OciLabels(IBuildImage build, GitRevision revision, string version, DateTimeOffset builtAt)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["org.opencontainers.image.title"] = build.ImageRepository ?? "research-assistant",
            ["org.opencontainers.image.revision"] = revision.Sha,
            ["org.opencontainers.image.version"] = version,
            ["org.opencontainers.image.created"] = builtAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["org.opencontainers.image.licenses"] = build.ImageLicenses ?? "MIT",

            // Destroy finds this repository's images by these (the pushed copies in the registry carry them too).
            [TollgateLabels.Managed] = "true",
            [TollgateLabels.Owner] = "build-image",
            [TollgateLabels.Project] = TollgateLabels.ProjectId(build.RootDirectory),
        };
        if (revision.SourceUrl is { } source)
        {
            labels["org.opencontainers.image.source"] = source;
        }

        return labels;
    }
}
