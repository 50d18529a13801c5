using Tollgate.Components.Tests.Local;

namespace Tollgate.Components.Tests;

/// <summary>
/// The test assembly's entry point (GenerateProgramFile is off): the test host never calls it. The SIGKILL and
/// redeploy-under-load tests start the assembly with <c>standalone-build</c> to run a real build program (the engine,
/// the DeployStaging and BlueGreenProd targets, the local platform) in a child process they can kill. The other
/// arguments are the build's.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args switch
        {
            ["standalone-build", .. var rest] => TollgateBuild.Execute<StandaloneBuild>(rest),
            _ => 2,
        };
}
