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

    /// <summary>
    /// Where the environment answers when it is deployed to a platform other than <see cref="Platform"/> (e.g. staging
    /// on a developer's machine behind the local router, and on a cluster's ingress when CI deploys it).
    /// </summary>
    public ImmutableSortedDictionary<PlatformKind, Uri> UrlsOnOtherPlatforms { get; init; } = ImmutableSortedDictionary<PlatformKind, Uri>.Empty;

    /// <summary>Sets the release name.</summary>
    public DeploymentEnvironment WithRelease(string release) => this with { ReleaseName = release };

    /// <summary>Declares where the environment answers on another platform (<c>--deploy-platform</c>, a CI job).</summary>
    public DeploymentEnvironment WithUrlOn(PlatformKind platform, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return platform == Platform
            ? this with { Url = url }
            : this with { UrlsOnOtherPlatforms = UrlsOnOtherPlatforms.SetItem(platform, url) };
    }

    /// <summary>
    /// The environment as deployed to <paramref name="platform"/>: this one on its own platform, else a copy with that
    /// platform and the URL declared for it with <see cref="WithUrlOn"/>.
    /// </summary>
    /// <exception cref="DeploymentException">No URL is declared for the platform; the message says how to declare it.</exception>
    public DeploymentEnvironment On(PlatformKind platform)
    {
        if (platform == Platform)
        {
            return this;
        }

        if (!UrlsOnOtherPlatforms.TryGetValue(platform, out var url))
        {
            var example = platform == PlatformKind.Local ? "http://127.0.0.1:8480/" : $"https://{Name}.example.com/";
            throw new DeploymentException(
                $"Environment '{Name}' is declared on {Platform} at {Url}, and no URL is declared for {platform}: its smoke tests would probe the wrong address. "
                + $"Declare where it answers there in the build, e.g. .WithUrlOn(PlatformKind.{platform}, new Uri(\"{example}\")), or deploy it to {Platform}.");
        }

        return this with { Platform = platform, Url = url, UrlsOnOtherPlatforms = UrlsOnOtherPlatforms.Remove(platform).SetItem(Platform, Url) };
    }

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

        ValidateUrl(Platform, Url);
        foreach (var (platform, url) in UrlsOnOtherPlatforms)
        {
            ValidateUrl(platform, url);
        }
    }

    private void ValidateUrl(PlatformKind platform, Uri url)
    {
        var field = platform == Platform ? "Url" : $"Url on {platform}";
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new DeploymentException($"Environment '{Name}': {field} '{url}' must be an absolute http or https URL such as http://127.0.0.1:8480.");
        }

        if (platform == PlatformKind.Local && (url.Scheme != Uri.UriSchemeHttp || !url.IsLoopback))
        {
            throw new DeploymentException($"Environment '{Name}': a local environment's {field} must be http on 127.0.0.1 (the router publishes its port there only), not '{url}'.");
        }
    }

    // 53: helm's limit for release names, which also keeps derived container names readable.
    private static bool IsDnsLabel(string value) =>
        value.Length is > 0 and <= 53
        && char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1])
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
