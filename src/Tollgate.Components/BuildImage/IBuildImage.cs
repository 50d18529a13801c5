using Tollgate.Containers;
using Tollgate.GitHubActions;

namespace Tollgate.Components.BuildImage;

/// <summary>
/// The Build stage: builds the service's container image through the Docker Engine API (Docker or podman), tags it
/// from git, labels it (OCI), smoke-tests it, pushes it and writes <c>artifacts/image/image.json</c> (repository, tags,
/// digest, size, build time, base images) for Scan and the deploy stages. Without <see cref="Registry"/> it pushes to
/// a local registry on 127.0.0.1:5000, started when none answers and left running; <see cref="DestroyRegistry"/> stops it.
/// </summary>
public interface IBuildImage : ITollgateBuild
{
    /// <summary>The registry (<c>host[:port]</c>).</summary>
    [Parameter("Registry to push to, host[:port] (default: a local registry on 127.0.0.1:5000, started when none answers).")]
    string? Registry => TryGetValue<string>();

    /// <summary>The port of the local registry.</summary>
    [Parameter("Port on 127.0.0.1 of the local registry Build starts when no --registry is given and none answers there (default 5000).")]
    int? LocalRegistryPort => TryGetValue<int?>();

    /// <summary>The repository in the registry.</summary>
    [Parameter("Image repository in the registry (default research-assistant).")]
    string? ImageRepository => TryGetValue<string>();

    /// <summary>The registry user.</summary>
    [Parameter("Registry user name (default: the auths entry of ~/.docker/config.json for the registry, if any).")]
    string? RegistryUsername => TryGetValue<string>();

    /// <summary>The registry password or token.</summary>
    [Parameter("Registry password or token.")]
    [Secret]
    string? RegistryPassword => TryGetValue<string>();

    /// <summary>The Dockerfile, relative to the root.</summary>
    [Parameter("Dockerfile, relative to the root (default src/ResearchAssistant/Dockerfile).")]
    string? ImageDockerfile => TryGetValue<string>();

    /// <summary>The build context, relative to the root.</summary>
    [Parameter("Build context, relative to the root (default: the root).")]
    string? ImageContext => TryGetValue<string>();

    /// <summary>Build arguments.</summary>
    [Parameter("Build arguments, NAME=value (SDK_IMAGE and BASE_IMAGE given here are used as they are).")]
    string[]? ImageBuildArgs => TryGetValue<string[]>();

    /// <summary>The target stage.</summary>
    [Parameter("Dockerfile stage to build (default: the last).")]
    string? ImageTarget => TryGetValue<string>();

    /// <summary>Build without the layer cache.</summary>
    [Parameter("Build without the layer cache.")]
    bool? ImageNoCache => TryGetValue<bool?>();

    /// <summary>Pull newer base images.</summary>
    [Parameter("Always try to pull newer base images.")]
    bool? ImagePull => TryGetValue<bool?>();

    /// <summary>Where base images come from.</summary>
    [Parameter("Base images: auto (Microsoft's when they can be pulled, else built from the host's .NET), host, or pull.")]
    string? BaseImages => TryGetValue<string>();

    /// <summary>Push after the smoke test.</summary>
    [Parameter("Push the image (default true).")]
    bool? ImagePush => TryGetValue<bool?>();

    /// <summary>Write the image archive.</summary>
    [Parameter("Also write the image as artifacts/image-archive/image.tar.gz (gzip docker save, the CI artifact image-archive) for jobs that cannot pull it (default: on GitHub Actions when the image was not pushed or went to a loopback registry; true forces it, false never).")]
    bool? ImageArchive => TryGetValue<bool?>();

    /// <summary>Smoke-test the image.</summary>
    [Parameter("Run the image and check GET /health and POST /query before pushing (default true).")]
    bool? ImageSmokeTest => TryGetValue<bool?>();

    /// <summary>Install and start dockerd when no engine answers.</summary>
    [Parameter("When no container engine answers and this is root with apt: install docker.io and start dockerd (default true).")]
    bool? ProvisionEngine => TryGetValue<bool?>();

    /// <summary>engine or sdk.</summary>
    [Parameter("How to build: engine (the Dockerfile through the Engine API, default) or sdk (daemonless: dotnet publish -t:PublishContainer straight to the registry).")]
    string? ImageBuilder => TryGetValue<string>();

    /// <summary>The project the sdk builder publishes.</summary>
    [Parameter("Project for --image-builder sdk, relative to the root (default src/ResearchAssistant/ResearchAssistant.csproj).")]
    string? ImageProject => TryGetValue<string>();

    /// <summary>The licenses label.</summary>
    [Parameter("SPDX licenses for the org.opencontainers.image.licenses label (default MIT).")]
    string? ImageLicenses => TryGetValue<string>();

    /// <summary>The local registry's state folder.</summary>
    AbsolutePath LocalRegistryDirectory => TemporaryDirectory / "registry";

    /// <summary>Builds, smoke-tests and pushes the image; writes artifacts/image/image.json.</summary>
    Target Build => _ => _
        .Description("Builds the container image (tags from git, OCI labels), smoke-tests it and pushes it; writes artifacts/image/image.json")
        .Produces("artifacts/image/image.json")
        // The archive (hundreds of MB, gzip already, written only when no reachable registry holds the image) travels
        // apart: Scan downloads it, the deploy jobs pull by digest.
        .ProducesSeparateArtifact(ImageArchivePolicy.ArtifactName, ArtifactTraits.AlreadyCompressed | ArtifactTraits.MayBeAbsent, $"artifacts/{ImageArchivePolicy.Folder}/**")
        // In CI the registry token reaches only the Build job (REGISTRY_PASSWORD; a workflow may map it to GITHUB_TOKEN).
        .Uses(() => RegistryPassword)
        .Executes(async cancellationToken =>
        {
            var result = await BuildImageStage.RunAsync(this, cancellationToken).ConfigureAwait(false);
            Host.AppendSummary(result.ToMarkdown());
        });

    /// <summary>Removes the images Build made for this repository from the engine.</summary>
    Target DestroyImages => _ => _
        .Description("Removes the images Build made for this repository (label build.tollgate.project) from the local engine; base images stay cached")
        .Executes(async cancellationToken => await BuildImageStage.DestroyImagesAsync(this, cancellationToken).ConfigureAwait(false));

    /// <summary>Stops the local registry the Build target started.</summary>
    Target DestroyRegistry => _ => _
        .Description("Stops the local registry (127.0.0.1:5000 or --local-registry-port) that Build started (its storage stays in .nuke/temp/registry)")
        .Executes(async cancellationToken =>
        {
            var stopped = await new LocalRegistry(LocalRegistryDirectory, Log).StopAsync(cancellationToken).ConfigureAwait(false);
            Log.Information(stopped ? "The local registry is stopped" : "No local registry of this repository was running");
        });
}
