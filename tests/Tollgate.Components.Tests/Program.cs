using Tollgate.Components.Tests.BlueGreenProd;
using Tollgate.Components.Tests.DeployStaging;

namespace Tollgate.Components.Tests;

/// <summary>
/// The test assembly's entry point (GenerateProgramFile is off): the test host never calls it. The SIGKILL test starts
/// the assembly with <c>blue-green-build</c> to run a real build program (the engine, the BlueGreenProd target, the
/// local platform) in a child process it can kill; the DeployStaging SIGKILL and redeploy-under-load tests start it
/// with <c>deploy-staging-build</c> (the DeployStaging target on the local platform). The other arguments are the build's.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args switch
        {
            ["blue-green-build", .. var rest] => TollgateBuild.Execute<StandaloneBlueGreenBuild>(rest),
            ["deploy-staging-build", .. var rest] => TollgateBuild.Execute<StandaloneDeployStagingBuild>(rest),
            _ => 2,
        };
}
