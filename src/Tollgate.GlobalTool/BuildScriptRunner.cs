using System.Diagnostics;

namespace Tollgate.GlobalTool;

/// <summary>
/// Runs build.sh (bash) or, on Windows, build.ps1 (PowerShell) with the console inherited, so colours, live output and
/// Ctrl-C behave as when the script is run directly.
/// </summary>
internal sealed class BuildScriptRunner : IBuildScriptRunner
{
    /// <inheritdoc />
    public async Task<int> RunAsync(string root, IReadOnlyList<string> args, string currentDirectory, CancellationToken cancellationToken)
    {
        var start = StartInfo(root);
        start.WorkingDirectory = currentDirectory;
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new TollgateException($"Could not start {start.FileName}.");
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The build got the same Ctrl-C and stops on its own; wait for its exit code.
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return process.ExitCode;
    }

    private static ProcessStartInfo StartInfo(string root)
    {
        if (OperatingSystem.IsWindows())
        {
            var ps1 = Path.Combine(root, "build.ps1");
            RequireFile(ps1, root);
            var start = new ProcessStartInfo("powershell") { UseShellExecute = false };
            foreach (var argument in new[] { "-NoProfile", "-ExecutionPolicy", "ByPass", "-File", ps1 })
            {
                start.ArgumentList.Add(argument);
            }

            return start;
        }

        var script = Path.Combine(root, "build.sh");
        RequireFile(script, root);
        var bash = new ProcessStartInfo("bash") { UseShellExecute = false };
        bash.ArgumentList.Add(script);
        return bash;
    }

    private static void RequireFile(string path, string root)
    {
        if (!File.Exists(path))
        {
            throw new TollgateException(
                $"{root} has .nuke/ but no {Path.GetFileName(path)}: run tollgate :setup there (it refuses to overwrite existing files), or add the bootstrapper from a repository set up by it.");
        }
    }
}
