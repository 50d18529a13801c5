using Tollgate.Components.BuildImage;
using Tollgate.Components.DeployStaging;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Deployment;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// A build composing Build and DeployStaging, with its own environments: qa and prod on Kubernetes (helm and kubectl are
/// fakes on PATH, see <see cref="FakeKubernetesTools"/>), answering at <see cref="QaUrl"/>; staging declared locally on a
/// port nothing serves, and on Kubernetes at <see cref="QaUrl"/>; dev only locally.
/// </summary>
internal sealed class DeployStagingBuild(Uri qaUrl) : TollgateBuild, IBuildImage, IDeployStaging
{
    public Uri QaUrl { get; } = qaUrl;

    public DeploymentEnvironments Environments => new(
    [
        new DeploymentEnvironment("qa", "research-qa", QaUrl, "k8s/research-assistant/values-staging.yaml", PlatformKind.Kubernetes),
        new DeploymentEnvironment("prod", "research-prod", new Uri("https://research-assistant.example.com/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Kubernetes),
        new DeploymentEnvironment("staging", "research-staging", new Uri("http://127.0.0.1:9/"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local)
            .WithUrlOn(PlatformKind.Kubernetes, QaUrl),
        new DeploymentEnvironment("dev", "research-dev", new Uri("http://127.0.0.1:9/"), "k8s/research-assistant/values-dev.yaml", PlatformKind.Local),
    ]);

    /// <summary>Runs the build in <paramref name="root"/> with <paramref name="bin"/> first on PATH, on the GitHub Actions host.</summary>
    public Task<(int ExitCode, string Output, string StepSummary)> RunAsync(string root, string bin, params string[] args) =>
        GitHubRun.RunWithPathAsync(this, root, bin, args);
}
