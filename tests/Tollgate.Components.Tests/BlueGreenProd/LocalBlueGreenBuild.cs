using Tollgate.Components.BlueGreenProd;
using Tollgate.Components.BuildImage;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Deployment;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>A build composing IBlueGreenProd with the default platform (local containers) and a prod environment of the test's own.</summary>
internal sealed class LocalBlueGreenBuild(DeploymentEnvironment prod) : TollgateBuild, IBuildImage, IBlueGreenProd
{
    public DeploymentEnvironment ProdEnvironment => prod;

    /// <summary>Runs the build in <paramref name="root"/> on the GitHub Actions host.</summary>
    public Task<(int ExitCode, string Output, string StepSummary)> RunAsync(string root, params string[] args) =>
        GitHubRun.RunAsync(this, root, args);
}
