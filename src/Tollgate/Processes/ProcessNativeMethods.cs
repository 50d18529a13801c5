using System.Runtime.InteropServices;

namespace Tollgate;

/// <summary>The one libc call .NET does not expose: sending a signal other than SIGKILL to a process.</summary>
internal static class ProcessNativeMethods
{
    /// <summary>Forced termination; cannot be caught or ignored.</summary>
    internal const int SignalKill = 9;

    /// <summary>The polite request to terminate; processes may trap it to clean up.</summary>
    internal const int SignalTerminate = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>; returns false when the process is gone.</summary>
    internal static bool TrySendSignal(int processId, int signal)
    {
        if (OperatingSystem.IsWindows() || processId <= 0)
        {
            return false;
        }

        try
        {
            return Kill(processId, signal) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    // "libc" is resolved by the runtime on Linux (glibc and musl) and macOS; the signature is blittable, so the
    // classic DllImport needs no marshalling code (LibraryImport would need AllowUnsafeBlocks for the whole library).
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int sig);
}
