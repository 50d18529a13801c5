using System.Collections.Immutable;

namespace Tollgate.Deployment;

/// <summary>What to deploy where.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Image">The image, by digest.</param>
/// <param name="Timeout">How long the rollout and the smoke tests may take before the release is rolled back.</param>
public sealed record DeploymentRequest(DeploymentEnvironment Environment, ImageReference Image, TimeSpan Timeout)
{
    /// <summary>Secret values by <see cref="EnvironmentSecret.Variable"/> (never logged).</summary>
    public ImmutableDictionary<string, string> SecretValues { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Plain settings for the release (the model, the prompt version...), by variable.</summary>
    public ImmutableDictionary<string, string> Settings { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The checks run after the rollout; a failure rolls the release back.</summary>
    public ImmutableArray<Smoke.SmokeCheck> SmokeChecks { get; init; } = [];

    /// <summary>The version label (e.g. the image tag); default: the short digest.</summary>
    public string Version => Image.Tag ?? Image.ShortDigest;
}
