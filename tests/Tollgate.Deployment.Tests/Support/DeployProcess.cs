using System.Globalization;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>
/// A local deploy running in a real child process (tests/Tollgate.Deployment.TestDriver, a <see cref="ChildProgram"/>):
/// started, run to its end, or waited for until it prints a step.
/// </summary>
internal static class DeployProcess
{
    /// <summary>Starts a deploy of <paramref name="image"/> (version <paramref name="tag"/>) to <paramref name="environment"/>.</summary>
    public static ChildProgram Start(DeploymentEnvironment environment, string image, string tag, string session) =>
        ChildProgram.Start("Tollgate.Deployment.TestDriver.dll", AppContext.BaseDirectory, Arguments(environment, image, tag, session));

    /// <summary>Runs a deploy to its end (at most three minutes) and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(DeploymentEnvironment environment, string image, string tag, string session) =>
        ChildProgram.RunAsync("Tollgate.Deployment.TestDriver.dll", AppContext.BaseDirectory, TimeSpan.FromMinutes(3), Arguments(environment, image, tag, session));

    /// <summary>True once a step line starting with <paramref name="prefix"/> was printed; false if the process ended or time ran out first.</summary>
    public static Task<bool> WaitForStepAsync(this ChildProgram deploy, string prefix, TimeSpan timeout) =>
        deploy.WaitForLineAsync(l => l.StartsWith("step: " + prefix, StringComparison.Ordinal), timeout);

    private static string[] Arguments(DeploymentEnvironment environment, string image, string tag, string session) =>
    [
        "--release", environment.Release,
        "--port", environment.Url.Port.ToString(CultureInfo.InvariantCulture),
        "--image", image,
        "--tag", tag,
        "--session", session,
        "--router-project", LocalEngine.RouterProject,
    ];
}
