using Tollgate.Components.BuildImage;
using Tollgate.Deployment;

namespace Tollgate.Components.DeployStaging;

/// <summary>
/// The DeployStaging stage: deploys the image the Build stage produced (<c>artifacts/image/image.json</c>, by digest)
/// to an environment the build declares (<see cref="Environments"/>), on local containers behind a router or on
/// Kubernetes with helm and kubectl; smoke-tests it, rolls it back when it fails, and appends the outcome and the URL
/// to the summary. <c>DestroyEnvironment</c> removes an environment (<c>--environment staging</c>).
/// </summary>
public interface IDeployStaging : ITollgateBuild
{
    /// <summary>The environment to deploy to or destroy (default staging).</summary>
    [Parameter("Environment to deploy to or destroy: a name the build declares (default staging).")]
    string? Environment => TryGetValue<string>();

    /// <summary>The image to deploy instead of the Build stage's.</summary>
    [Parameter("Image to deploy, repository@sha256:<digest> (default: the one in artifacts/image/image.json).")]
    string? DeployImage => TryGetValue<string>();

    /// <summary>A platform overriding the environment's.</summary>
    [Parameter("Platform overriding the environment's: Local or Kubernetes.")]
    PlatformKind? DeployPlatform => TryGetValue<PlatformKind?>();

    /// <summary>How long rollout and smoke tests may take.</summary>
    [Parameter("How long the rollout and smoke tests may take before the release is rolled back (default 5m).")]
    TimeSpan? DeployTimeout => TryGetValue<TimeSpan?>();

    /// <summary>The kubeconfig (file content or path) for the Kubernetes platform.</summary>
    [Parameter("Kubeconfig for the Kubernetes platform: the file's content (e.g. a CI secret) or a path; default: KUBECONFIG or ~/.kube/config.")]
    [Secret]
    string? Kubeconfig => TryGetValue<string>();

    /// <summary>The kubeconfig context.</summary>
    [Parameter("Kubeconfig context for the Kubernetes platform (default: the current context).")]
    string? KubeContext => TryGetValue<string>();

    /// <summary>
    /// The environments, declared once in the build; override it there. The default: dev and staging on local
    /// containers (127.0.0.1:8470 and :8480; staging on Kubernetes answers at its values file's ingress host), prod on
    /// Kubernetes.
    /// </summary>
    DeploymentEnvironments Environments => new(
    [
        new DeploymentEnvironment("dev", "research-dev", new Uri("http://127.0.0.1:8470/"), "k8s/research-assistant/values-dev.yaml", PlatformKind.Local),
        new DeploymentEnvironment("staging", "research-staging", new Uri("http://127.0.0.1:8480/"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local)
            .WithUrlOn(PlatformKind.Kubernetes, new Uri("https://research-assistant.staging.example.com/"))
            .WithSecret(new EnvironmentSecret("LLM_API_KEY", "LLM_API_KEY", "research-assistant-model")),
        new DeploymentEnvironment("prod", "research-prod", new Uri("https://research-assistant.example.com/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Kubernetes)
            .WithSecret(new EnvironmentSecret("LLM_API_KEY", "LLM_API_KEY", "research-assistant-model")),
    ]);

    /// <summary>Deploys, verifies and (on failure) rolls back; fails the target unless the new release serves.</summary>
    Target DeployStaging => _ => _
        .Description("Deploys the built image by digest to an environment (--environment, default staging), smoke-tests it and rolls back on failure")
        .DependsOn<IBuildImage>(x => x.Build)
        .Consumes<IBuildImage>(x => x.Build, "artifacts/image/image.json")
        .Produces("artifacts/deploy/**")
        .Executes(cancellationToken => DeployStagingStage.DeployAsync(this, cancellationToken));

    /// <summary>Removes an environment (<c>./build.sh Destroy --environment staging</c>).</summary>
    Target DestroyEnvironment => _ => _
        .Description("Removes an environment's release, router and network (--environment, default staging)")
        .Executes(cancellationToken => DeployStagingStage.DestroyAsync(this, cancellationToken));
}
