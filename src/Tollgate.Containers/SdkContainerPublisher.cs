using System.Net.Http.Headers;
using System.Text;

namespace Tollgate.Containers;

/// <summary>What the SDK's container publishing should produce.</summary>
/// <param name="Project">The .NET project to publish.</param>
/// <param name="Registry">The registry to push to (<c>host[:port]</c>).</param>
/// <param name="Repository">The repository in the registry (without the registry).</param>
/// <param name="Tags">The tags.</param>
/// <param name="BaseImage">The base image, a reference in a registry the SDK can read.</param>
/// <param name="Labels">Labels for the image.</param>
public sealed record SdkPublishRequest(string Project, string Registry, string Repository, IReadOnlyList<string> Tags, string BaseImage, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Credentials for the registry, or null.</summary>
    public RegistryCredentials? Credentials { get; init; }

    /// <summary>Treat the registry as plain HTTP (loopback registries).</summary>
    public bool InsecureRegistry { get; init; } = true;
}

/// <summary>
/// The daemonless path: <c>dotnet publish -t:PublishContainer</c> builds the image layers itself and pushes them to a
/// registry, with no engine involved. The digest is read back from the registry.
/// </summary>
public sealed class SdkContainerPublisher(IProcessRunner processes, IBuildLog log)
{
    /// <summary>Publishes and returns the manifest digest of the first tag.</summary>
    public async Task<string> PublishAsync(SdkPublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new CommandSpec("dotnet").WithArguments(Arguments(request));
        if (request.InsecureRegistry)
        {
            command = command.WithEnvironment("DOTNET_CONTAINER_INSECURE_REGISTRIES", request.Registry);
        }

        if (request.Credentials is { } credentials)
        {
            command = command.WithEnvironment("DOTNET_CONTAINER_PUSH_REGISTRY_UNAME", credentials.Username).WithEnvironment("DOTNET_CONTAINER_PUSH_REGISTRY_PWORD", credentials.Password)
                .WithEnvironment("DOTNET_CONTAINER_PULL_REGISTRY_UNAME", credentials.Username).WithEnvironment("DOTNET_CONTAINER_PULL_REGISTRY_PWORD", credentials.Password);
        }

        log.Information($"Publishing {request.Project} as {request.Registry}/{request.Repository} with the SDK's container support (no engine), on {request.BaseImage}");
        await processes.RunAsync(command, cancellationToken).ConfigureAwait(false);
        return await ManifestDigestAsync(request.Registry, request.Repository, request.Tags[0], request.Credentials, request.InsecureRegistry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>dotnet publish</c> arguments (tests check them exactly).</summary>
    public static IReadOnlyList<string> Arguments(SdkPublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = new List<string>
        {
            "publish", request.Project, "-c", "Release", "-t:PublishContainer", "-p:UseAppHost=false",
            $"-p:ContainerRegistry={request.Registry}",
            $"-p:ContainerRepository={request.Repository}",
            $"-p:ContainerImageTags=\"{string.Join(';', request.Tags)}\"",
            $"-p:ContainerBaseImage={request.BaseImage}",
            "-p:ContainerUser=1654",
        };

        // ContainerLabel items cannot be given as properties; the SDK's generated OCI labels cover source, revision and created.
        arguments.AddRange(request.Labels.Where(l => l.Key == "org.opencontainers.image.version").Select(l => $"-p:ContainerImageVersion={l.Value}"));
        return arguments;
    }

    /// <summary>The digest the registry answers for <paramref name="tag"/> (<c>Docker-Content-Digest</c>).</summary>
    public static async Task<string> ManifestDigestAsync(string registry, string repository, string tag, RegistryCredentials? credentials, bool plainHttp, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri($"{(plainHttp ? "http" : "https")}://{registry}/v2/{repository}/manifests/{tag}"));
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode && response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } digest
            ? digest
            : throw new RegistryException($"{registry} answered {(int)response.StatusCode} for the manifest {repository}:{tag} after the SDK pushed it; check the registry's log.");
    }
}
