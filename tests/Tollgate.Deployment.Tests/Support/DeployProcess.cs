using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>
/// A local deploy running in a real child process (tests/Tollgate.Deployment.TestDriver): its output lines, a wait for a
/// step, a SIGKILL (<c>kill -KILL pid</c>: no handler, no finally block, nothing cleaned up) and its exit.
/// </summary>
internal sealed class DeployProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private DeployProcess(Process process) => this.process = process;

    public string Output => string.Join('\n', lines);

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static DeployProcess Start(DeploymentEnvironment environment, string image, string tag, string session)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "Tollgate.Deployment.TestDriver.dll"),
            "--release", environment.Release,
            "--port", environment.Url.Port.ToString(CultureInfo.InvariantCulture),
            "--image", image,
            "--tag", tag,
            "--session", session,
            "--router-project", LocalEngine.RouterProject,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var deploy = new DeployProcess(Process.Start(start)!);
        deploy.process.OutputDataReceived += (_, e) => deploy.Add(e.Data);
        deploy.process.ErrorDataReceived += (_, e) => deploy.Add(e.Data);
        deploy.process.BeginOutputReadLine();
        deploy.process.BeginErrorReadLine();
        return deploy;
    }

    /// <summary>Runs a deploy to its end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(DeploymentEnvironment environment, string image, string tag, string session)
    {
        using var deploy = Start(environment, image, tag, session);
        var exitCode = await deploy.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return (exitCode, deploy.Output);
    }

    /// <summary>True once a step line starting with <paramref name="prefix"/> was printed; false if the process ended or time ran out first.</summary>
    public async Task<bool> WaitForStepAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (lines.Any(l => l.StartsWith("step: " + prefix, StringComparison.Ordinal)))
            {
                return true;
            }

            if (process.HasExited)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return false;
    }

    /// <summary>Sends SIGKILL to the process and waits until it is gone.</summary>
    public async Task KillHardAsync()
    {
        using (var kill = Process.Start("kill", ["-KILL", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
