using Tollgate.Components.BlueGreenProd;
using Tollgate.Components.BuildImage;
using Tollgate.Components.DeployStaging;
using Tollgate.Deployment;

namespace Tollgate.Components.Tests.Local;

/// <summary>
/// A build program as a repository's build/Build.cs composes it (IBuildImage, IDeployStaging and IBlueGreenProd on the
/// default local platform), whose staging and prod environments are the test's own: <c>--staging-release</c>,
/// <c>--staging-port</c>, <c>--prod-release</c>, <c>--prod-port</c>. The SIGKILL and redeploy-under-load tests run it as
/// a child process (<see cref="TestSupport.BuildPrograms.StartStandalone"/>) and through the engine in-process.
/// </summary>
public sealed class StandaloneBuild : TollgateBuild, IBuildImage, IDeployStaging, IBlueGreenProd
{
    [Parameter("Release name of the staging environment (every container and network of it carries it)")]
    public string StagingRelease { get; set; } = "research-staging";

    [Parameter("Port of the staging environment's router on 127.0.0.1")]
    public int StagingPort { get; set; } = 8480;

    [Parameter("Release name of the prod environment (containers tollgate-<release>-<colour>)")]
    public string ProdRelease { get; set; } = "research-prod";

    [Parameter("Port of the prod environment's router on 127.0.0.1")]
    public int ProdPort { get; set; } = 8490;

    public DeploymentEnvironments Environments => new(
    [
        new DeploymentEnvironment("staging", "research-staging", new Uri($"http://127.0.0.1:{StagingPort}/"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local)
            .WithRelease(StagingRelease),
    ]);

    public DeploymentEnvironment ProdEnvironment =>
        new DeploymentEnvironment("prod", "research-prod", new Uri($"http://127.0.0.1:{ProdPort}/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Local)
            .WithRelease(ProdRelease);
}
