using Tollgate.Components.Tests.BlueGreenProd;

namespace Tollgate.Components.Tests;

/// <summary>
/// The test assembly's entry point (GenerateProgramFile is off): the test host never calls it. The SIGKILL test starts
/// the assembly with <c>blue-green-build</c> to run a real build program (the engine, the BlueGreenProd target, the
/// local platform) in a child process it can kill; the other arguments are the build's.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args is ["blue-green-build", .. var rest] ? TollgateBuild.Execute<StandaloneBlueGreenBuild>(rest) : 2;
}
