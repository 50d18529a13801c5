using System.ComponentModel;
using System.Diagnostics;

namespace Tollgate;

/// <summary>Stopping: SIGTERM to the tree, the grace period, then kill whatever still runs.</summary>
internal sealed partial class ChildProcess
{
    /// <summary>
    /// Stops the process: SIGTERM to it and all its descendants, then, for whatever still runs after
    /// <paramref name="gracePeriod"/>, <see cref="Process.Kill(bool)"/> of the tree and SIGKILL to every descendant seen
    /// before (children re-parented when their parent exited are no longer in the tree). On Windows: kill the tree at once.
    /// </summary>
    internal async Task StopAsync(TimeSpan gracePeriod)
    {
        if (!HasExited)
        {
            var descendants = ProcessTree.FindDescendants(Id).ToHashSet();
            if (OperatingSystem.IsWindows())
            {
                KillTree();
            }
            else
            {
                ProcessNativeMethods.TrySendSignal(Id, ProcessNativeMethods.SignalTerminate);
                foreach (var descendant in descendants)
                {
                    ProcessTree.Signal(descendant, ProcessNativeMethods.SignalTerminate);
                }

                // A second look catches children started between the first look and the signal.
                foreach (var late in ProcessTree.FindDescendants(Id).Where(descendants.Add))
                {
                    ProcessTree.Signal(late, ProcessNativeMethods.SignalTerminate);
                }

                await WaitUntilGoneAsync(descendants, gracePeriod).ConfigureAwait(false);
                if (!HasExited)
                {
                    descendants.UnionWith(ProcessTree.FindDescendants(Id));
                    KillTree();
                }

                foreach (var descendant in descendants)
                {
                    ProcessTree.Signal(descendant, ProcessNativeMethods.SignalKill);
                }
            }

            await _exited.ConfigureAwait(false);
        }

        await DrainOutputAsync().ConfigureAwait(false);
    }

    private async Task WaitUntilGoneAsync(IReadOnlyCollection<ProcessIdentity> descendants, TimeSpan gracePeriod)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < gracePeriod && (!HasExited || descendants.Any(ProcessTree.IsAlive)))
        {
            await Task.WhenAny(_exited, Task.Delay(PollInterval)).ConfigureAwait(false);
        }
    }

    private void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // Some part of the tree could not be killed (gone already, or not ours); the SIGKILL sweep follows.
        }
    }
}
