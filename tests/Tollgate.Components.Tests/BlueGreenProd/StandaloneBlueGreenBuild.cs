using Tollgate.Components.BlueGreenProd;
using Tollgate.Components.BuildImage;
using Tollgate.Deployment;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>
/// A build program as a repository's build/Build.cs composes it (IBuildImage and IBlueGreenProd, the default local
/// platform), whose prod environment is the test's own: <c>--prod-release</c> and <c>--prod-port</c>. The SIGKILL test
/// runs it as a child process (Program.cs) and again through the engine in-process.
/// </summary>
public sealed class StandaloneBlueGreenBuild : TollgateBuild, IBuildImage, IBlueGreenProd
{
    [Parameter("Release name of the prod environment (containers tollgate-<release>-<colour>)")]
    public string ProdRelease { get; set; } = "research-prod";

    [Parameter("Port of the prod environment's router on 127.0.0.1")]
    public int ProdPort { get; set; } = 8490;

    public DeploymentEnvironment ProdEnvironment =>
        new DeploymentEnvironment("prod", "research-prod", new Uri($"http://127.0.0.1:{ProdPort}/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Local)
            .WithRelease(ProdRelease);
}
