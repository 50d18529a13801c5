using Docker.DotNet;
using Docker.DotNet.Models;
using Tollgate.Containers.Internal;

namespace Tollgate.Containers;

/// <summary>Registries: push and pull, with credentials given or from the Docker CLI's config.json.</summary>
public sealed partial class ContainerEngineClient
{
    /// <summary>
    /// Pushes <paramref name="reference"/> (<c>registry/repository:tag</c>). Without <paramref name="credentials"/> the
    /// <c>auths</c> entry of <c>~/.docker/config.json</c> for the registry is used when there is one. Errors inside the
    /// push stream raise <see cref="RegistryException"/>.
    /// </summary>
    public async Task<PushResult> PushImageAsync(string reference, RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        var parsed = ImageReference.Parse(reference);
        var auth = Auth(parsed.Registry, credentials);
        var output = new PushOutput(_log);
        _log.Information($"Pushing {reference}{(auth.Username is { Length: > 0 } user ? $" as {user}" : string.Empty)}");
        await RegistryCallAsync("Pushing", reference, parsed.Registry, () =>
            Api.Images.PushImageAsync(parsed.Repository, new ImagePushParameters { Tag = parsed.Tag ?? "latest" }, auth, output, cancellationToken)).ConfigureAwait(false);
        ThrowOnStreamError("Pushing", reference, parsed.Registry, output.Error);
        return output.Digest is { } digest
            ? new PushResult(reference, digest, output.Size)
            : throw new RegistryException($"Pushing {reference} finished without a digest from {parsed.Registry}; the engine's output did not name one.");
    }

    /// <summary>Pulls <paramref name="reference"/> (<c>repository:tag</c> or <c>repository@sha256:...</c>).</summary>
    public async Task PullImageAsync(string reference, RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        var parsed = ImageReference.Parse(reference);
        var output = new PushOutput(_log);
        var parameters = new ImagesCreateParameters { FromImage = parsed.Repository, Tag = parsed.Digest ?? parsed.Tag ?? "latest" };
        _log.Information($"Pulling {reference}");
        await RegistryCallAsync("Pulling", reference, parsed.Registry, () =>
            Api.Images.CreateImageAsync(parameters, Auth(parsed.Registry, credentials), output, cancellationToken)).ConfigureAwait(false);
        ThrowOnStreamError("Pulling", reference, parsed.Registry, output.Error);
    }

    private static AuthConfig Auth(string registry, RegistryCredentials? credentials)
    {
        var found = credentials ?? DockerConfigCredentials.Find(registry);
        return found is null ? new AuthConfig() : new AuthConfig { Username = found.Username, Password = found.Password, ServerAddress = registry };
    }

    private async Task RegistryCallAsync(string action, string reference, string registry, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (DockerApiException exception)
        {
            ThrowOnStreamError(action, reference, registry, Messages.FromApiBody(exception.ResponseBody), exception);
        }
        catch (Exception exception) when (IsTransport(exception))
        {
            throw new ContainerException($"{action} {reference} failed: the engine at {Engine.Endpoint} did not answer ({Messages.Innermost(exception)}).", exception);
        }
    }

    private static void ThrowOnStreamError(string action, string reference, string registry, string? error, Exception? inner = null)
    {
        if (error is null)
        {
            return;
        }

        var authentication = PushOutput.IsAuthenticationFailure(error);
        var fix = authentication
            ? $"The registry {registry} refused the credentials: give the right user name and password (Tollgate parameters --registry-username and --registry-password, or `docker login {registry}`)."
            : error.Contains("connection refused", StringComparison.OrdinalIgnoreCase) || error.Contains("no such host", StringComparison.OrdinalIgnoreCase)
                ? $"Nothing answers at {registry}: start the registry or fix its address."
                : error.Contains("HTTP response to HTTPS client", StringComparison.OrdinalIgnoreCase)
                    ? $"{registry} answers plain HTTP and the engine wants HTTPS. podman trusts no plain-HTTP registry by itself: mark it insecure in /etc/containers/registries.conf.d/ ([[registry]] location = \"{registry}\" insecure = true; .ci/install.d/40-podman.sh does so for 127.0.0.1:5000). Docker trusts 127.0.0.0/8 only: add other hosts to \"insecure-registries\" in /etc/docker/daemon.json."
                    : $"Check that {registry} is reachable from the engine and accepts {reference}.";
        throw new RegistryException($"{action} {reference} failed: {error}\n{fix}", inner) { DaemonMessage = error, IsAuthenticationFailure = authentication };
    }
}
