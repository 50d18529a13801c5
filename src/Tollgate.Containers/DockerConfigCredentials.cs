using System.Text;
using System.Text.Json;

namespace Tollgate.Containers;

/// <summary>
/// Credentials from the Docker CLI's <c>config.json</c> (<c>$DOCKER_CONFIG</c> or <c>~/.docker</c>): the <c>auths</c>
/// entries that <c>docker login</c> writes without a credential helper.
/// </summary>
internal static class DockerConfigCredentials
{
    /// <summary>The config file read: <c>$DOCKER_CONFIG/config.json</c>, else <c>~/.docker/config.json</c>.</summary>
    public static string DefaultPath() =>
        Path.Combine(Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } directory
            ? directory
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker"), "config.json");

    /// <summary>The credentials stored for <paramref name="registry"/> (<c>host[:port]</c>), or null.</summary>
    public static RegistryCredentials? Find(string registry, string? configPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        var path = configPath ?? DefaultPath();
        if (!File.Exists(path))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new ContainerException($"{path} is not valid JSON ({exception.Message}); fix it or run `docker login {registry}` again.", exception);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("auths", out var auths) || auths.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var entry in auths.EnumerateObject())
            {
                if (!Same(entry.Name, registry) || !entry.Value.TryGetProperty("auth", out var auth) || auth.GetString() is not { Length: > 0 } encoded)
                {
                    continue;
                }

                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0
                    ? throw new ContainerException($"The auths entry for {entry.Name} in {path} is not base64 of user:password; run `docker login {registry}` again.")
                    : new RegistryCredentials(decoded[..colon], decoded[(colon + 1)..]);
            }
        }

        return null;
    }

    /// <summary>Keys may be <c>host</c>, <c>https://host</c> or <c>https://host/v1/</c>.</summary>
    private static bool Same(string key, string registry)
    {
        var host = key.Contains("://", StringComparison.Ordinal) ? new Uri(key).Authority : key.TrimEnd('/');
        return string.Equals(host, registry, StringComparison.OrdinalIgnoreCase)
            || (registry == "docker.io" && host is "index.docker.io" or "registry-1.docker.io");
    }
}
