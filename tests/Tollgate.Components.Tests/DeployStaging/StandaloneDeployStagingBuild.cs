using Tollgate.Components.BuildImage;
using Tollgate.Components.DeployStaging;
using Tollgate.Deployment;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// A build program as a repository's build/Build.cs composes it (IBuildImage and IDeployStaging), whose staging
/// environment is the test's own on the local platform: <c>--staging-release</c> and <c>--staging-port</c>. The SIGKILL
/// and redeploy-under-load tests run it as a child process (Program.cs) and through the engine in-process.
/// </summary>
public sealed class StandaloneDeployStagingBuild : TollgateBuild, IBuildImage, IDeployStaging
{
    [Parameter("Release name of the staging environment (every container and network of it carries it)")]
    public string StagingRelease { get; set; } = "research-staging";

    [Parameter("Port of the staging environment's router on 127.0.0.1")]
    public int StagingPort { get; set; } = 8480;

    public DeploymentEnvironments Environments => new(
    [
        new DeploymentEnvironment("staging", "research-staging", new Uri($"http://127.0.0.1:{StagingPort}/"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local)
            .WithRelease(StagingRelease),
    ]);
}
