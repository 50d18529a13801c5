using System.ComponentModel;
using System.Diagnostics;

namespace Tollgate;

/// <summary>Stopping: SIGTERM to the family, the grace period, then kill whatever still runs.</summary>
internal sealed partial class ChildProcess
{
    /// <summary>
    /// Stops the process: SIGTERM to it and its family (every descendant, and every process carrying its
    /// <see cref="FamilyMarker"/>, which finds children re-parented when their parent exited); processes that join the
    /// family during the grace period get SIGTERM too. Whatever still runs after <paramref name="gracePeriod"/> is killed:
    /// <see cref="Process.Kill(bool)"/> of the tree and SIGKILL to every family member seen. On Windows: kill the tree at once.
    /// </summary>
    internal async Task StopAsync(TimeSpan gracePeriod)
    {
        if (!HasExited)
        {
            if (OperatingSystem.IsWindows())
            {
                KillTree();
            }
            else
            {
                var family = FindFamily().ToHashSet();
                ProcessNativeMethods.TrySendSignal(Id, ProcessNativeMethods.SignalTerminate);
                foreach (var member in family)
                {
                    ProcessTree.Signal(member, ProcessNativeMethods.SignalTerminate);
                }

                await TerminateLateMembersUntilGoneAsync(family, gracePeriod).ConfigureAwait(false);
                if (!HasExited)
                {
                    family.UnionWith(FindFamily());
                    KillTree();
                }

                foreach (var member in family.Concat(FindFamily()))
                {
                    ProcessTree.Signal(member, ProcessNativeMethods.SignalKill);
                }
            }

            await _exited.ConfigureAwait(false);
        }

        _ = await DrainOutputAsync().ConfigureAwait(false);
    }

    private IReadOnlyList<ProcessIdentity> FindFamily() => ProcessTree.FindDescendants(Id, FamilyMarker);

    // Waits until the process and every family member are gone, sending SIGTERM to members that appear meanwhile (a
    // trap that starts a cleanup job, a child forked just as the signal arrived). A process can only join the family
    // through a living member, so once all are gone a look that finds nobody new means nobody is left.
    private async Task TerminateLateMembersUntilGoneAsync(HashSet<ProcessIdentity> family, TimeSpan gracePeriod)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var allGone = HasExited && !family.Any(ProcessTree.IsAlive);
            var late = FindFamily().Where(family.Add).ToList();
            foreach (var member in late)
            {
                ProcessTree.Signal(member, ProcessNativeMethods.SignalTerminate);
            }

            if ((allGone && late.Count == 0) || clock.Elapsed >= gracePeriod)
            {
                return;
            }

            await Task.WhenAny(_exited, Task.Delay(PollInterval)).ConfigureAwait(false);
        }
    }

    private void KillTree()
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill (or CliWrap has already released it).
        }
        catch (Win32Exception)
        {
            // Some part of the tree could not be killed (gone already, or not ours); the SIGKILL sweep follows.
        }
    }
}
