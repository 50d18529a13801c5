using Tollgate.Components.BuildImage;
using Tollgate.Components.DeployStaging;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Deployment;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// A build composing Build and DeployStaging, with its own environments: qa and prod on Kubernetes (helm and kubectl are
/// fakes on PATH, see <see cref="FakeKubernetesTools"/>), answering at <see cref="QaUrl"/>.
/// </summary>
internal sealed class DeployStagingBuild(Uri qaUrl) : TollgateBuild, IBuildImage, IDeployStaging
{
    public Uri QaUrl { get; } = qaUrl;

    public DeploymentEnvironments Environments => new(
    [
        new DeploymentEnvironment("qa", "research-qa", QaUrl, "k8s/research-assistant/values-staging.yaml", PlatformKind.Kubernetes),
        new DeploymentEnvironment("prod", "research-prod", new Uri("https://research-assistant.example.com/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Kubernetes),
    ]);

    /// <summary>Runs the build in <paramref name="root"/> with <paramref name="bin"/> first on PATH, on the GitHub Actions host.</summary>
    public Task<(int ExitCode, string Output, string StepSummary)> RunAsync(string root, string bin, params string[] args) =>
        GitHubRun.RunWithPathAsync(this, root, bin, args);
}
