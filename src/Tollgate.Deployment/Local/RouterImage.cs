using System.Security.Cryptography;
using System.Text;
using Tollgate.Containers;

namespace Tollgate.Deployment.Local;

/// <summary>
/// The router's container image: the router project published on the host and copied onto the runtime base image made
/// from the host's .NET. Tagged by a hash of the router's sources and the base image, so it is built once per change.
/// </summary>
/// <param name="client">The container engine.</param>
/// <param name="baseImages">Provides the runtime base image.</param>
/// <param name="processes">Runs <c>dotnet publish</c>.</param>
/// <param name="log">The log.</param>
public sealed class RouterImage(ContainerEngineClient client, HostDotnetBaseImages baseImages, IProcessRunner processes, IBuildLog log)
{
    /// <summary>The router image's repository.</summary>
    public const string Repository = "localhost/tollgate/router";

    /// <summary>The router image (built when missing) and its source hash.</summary>
    public async Task<(string Reference, string Hash)> EnsureAsync(string routerProject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routerProject);
        var baseImage = await baseImages.EnsureRuntimeImageAsync(cancellationToken).ConfigureAwait(false);
        var hash = SourceHash(routerProject, baseImage.Id);
        var reference = $"{Repository}:{hash}";
        if (await client.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false) is not null)
        {
            return (reference, hash);
        }

        log.Information($"Building the router image {reference} (YARP on {baseImage.Reference})");
        var context = Path.Combine(Path.GetTempPath(), $"tollgate-router-{Guid.NewGuid():N}");
        try
        {
            await processes.RunAsync(new CommandSpec("dotnet")
                .WithArguments("publish", routerProject, "-c", "Release", "-o", Path.Combine(context, "app"), "-p:UseAppHost=false", "-nologo")
                .WithTimeout(TimeSpan.FromMinutes(5)), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), string.Join('\n',
                "ARG BASE_IMAGE",
                "FROM ${BASE_IMAGE}",
                "COPY app/ /app/",
                "ENV ROUTER_PUBLIC_PORT=8080 ROUTER_ADMIN_PORT=8081",
                "USER 1654",
                "EXPOSE 8080 8081",
                "ENTRYPOINT [\"dotnet\", \"/app/Tollgate.Deployment.Router.dll\"]",
                string.Empty), cancellationToken).ConfigureAwait(false);
            // Not the run's session: the image is a cache kept across runs, like the base images.
            var labels = new Dictionary<string, string>(TollgateLabels.For("router-image", "deploy-staging"), StringComparer.Ordinal) { [LocalLabels.RouterHash] = hash };
            await client.BuildImageAsync(new ImageBuildRequest(context)
            {
                Tags = [reference],
                BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = baseImage.Reference },
                Labels = labels,
            }, cancellationToken).ConfigureAwait(false);
            return (reference, hash);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    /// <summary>A hash of the router's source files (and the base image id): a change rebuilds and replaces the router.</summary>
    public static string SourceHash(string routerProject, string baseImageId)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(routerProject))!;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(baseImageId));
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file)));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
