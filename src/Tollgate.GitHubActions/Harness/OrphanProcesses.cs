using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tollgate.GitHubActions.Harness;

/// <summary>
/// What GitHub's runner does when a job ends ("Cleaning up orphan processes"): every process still carrying the job's
/// <c>RUNNER_TRACKING_ID</c> in its environment (a registry or server a step started in the background and left running)
/// is terminated, so nothing of one job outlives it into the next job or the machine.
/// </summary>
internal static class OrphanProcesses
{
    /// <summary>The variable the runner marks a job's processes with.</summary>
    public const string TrackingVariable = "RUNNER_TRACKING_ID";

    /// <summary>Kills the processes whose environment holds <c>RUNNER_TRACKING_ID=<paramref name="trackingId"/></c>; one line per process.</summary>
    public static IReadOnlyList<string> Terminate(string trackingId)
    {
        if (!Directory.Exists("/proc"))
        {
            return [];
        }

        var marker = Encoding.UTF8.GetBytes($"{TrackingVariable}={trackingId}\0");
        var terminated = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllBytes(Path.Combine(directory, "environ")).AsSpan().IndexOf(marker) < 0)
                {
                    continue;
                }

                using var process = Process.GetProcessById(pid);
                var name = process.ProcessName;
                process.Kill();
                terminated.Add($"Terminate orphan process: pid ({pid.ToString(CultureInfo.InvariantCulture)}) ({name})");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already, or not ours to read: nothing to clean.
            }
        }

        return terminated;
    }
}
