using Tollgate.Deployment.Tests.BlueGreen;

namespace Tollgate.Deployment.Tests;

/// <summary>
/// The test assembly's entry point (GenerateProgramFile is off): the test host never calls it; the SIGKILL test starts
/// the assembly with <c>blue-green-driver</c> to run a blue-green deploy in a child process it can kill.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) =>
        args is ["blue-green-driver", .. var rest] ? await BlueGreenDriver.RunAsync(rest) : 2;
}
