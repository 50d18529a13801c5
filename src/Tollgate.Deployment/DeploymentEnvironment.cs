using System.Collections.Immutable;

namespace Tollgate.Deployment;

/// <summary>
/// An environment the pipeline deploys to, declared once in the build: <c>new DeploymentEnvironment("staging",
/// "research-staging", new Uri("http://127.0.0.1:8480"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local)</c>.
/// </summary>
/// <param name="Name">dev, staging, prod... (lower case letters, digits and dashes: it names releases and containers).</param>
/// <param name="Namespace">The Kubernetes namespace; on the local platform it prefixes the container names.</param>
/// <param name="Url">Where the environment answers; smoke tests run against it. On the local platform its port is the router's.</param>
/// <param name="ValuesFile">The chart's values file for this environment, relative to the root.</param>
/// <param name="Platform">Where it runs.</param>
public sealed record DeploymentEnvironment(string Name, string Namespace, Uri Url, string ValuesFile, PlatformKind Platform)
{
    /// <summary>The secrets the release needs.</summary>
    public ImmutableArray<EnvironmentSecret> Secrets { get; init; } = [];

    /// <summary>The release name (helm release, container label); default: <c>research-assistant-&lt;name&gt;</c>.</summary>
    public string? ReleaseName { get; init; }

    /// <summary>The release name used on the platform.</summary>
    public string Release => ReleaseName ?? $"research-assistant-{Name}";

    /// <summary>Adds a secret.</summary>
    public DeploymentEnvironment WithSecret(EnvironmentSecret secret) => this with { Secrets = Secrets.Add(secret) };

    /// <summary>Sets the release name.</summary>
    public DeploymentEnvironment WithRelease(string release) => this with { ReleaseName = release };

    /// <summary>Checks the declaration: a name and namespace usable in Kubernetes and container names, an absolute http(s) URL.</summary>
    /// <exception cref="DeploymentException">A field is invalid; the message names it and the rule.</exception>
    public void Validate()
    {
        foreach (var (field, value) in new[] { ("Name", Name), ("Namespace", Namespace), ("Release", Release) })
        {
            if (!IsDnsLabel(value))
            {
                throw new DeploymentException($"Environment '{Name}': {field} '{value}' is not a DNS label; use lower-case letters, digits and '-', at most 53 characters, starting and ending with a letter or digit.");
            }
        }

        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new DeploymentException($"Environment '{Name}': Url '{Url}' must be an absolute http or https URL such as http://127.0.0.1:8480.");
        }

        if (Platform == PlatformKind.Local && (Url.Scheme != Uri.UriSchemeHttp || !Url.IsLoopback))
        {
            throw new DeploymentException($"Environment '{Name}': a local environment's Url must be http on 127.0.0.1 (the router publishes its port there only), not '{Url}'.");
        }
    }

    // 53: helm's limit for release names, which also keeps derived container names readable.
    private static bool IsDnsLabel(string value) =>
        value.Length is > 0 and <= 53
        && char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1])
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
