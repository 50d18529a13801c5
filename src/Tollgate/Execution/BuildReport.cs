using System.Collections.Immutable;

namespace Tollgate;

/// <summary>The end of a build: every planned target's result in plan order, the total time and the verdict.</summary>
/// <param name="Targets">Results in plan order.</param>
/// <param name="Duration">Total wall time.</param>
/// <param name="Cancelled">Whether the user cancelled (Ctrl-C).</param>
public sealed record BuildReport(ImmutableArray<TargetResult> Targets, TimeSpan Duration, bool Cancelled = false)
{
    /// <summary>Whether every target ended successfully and the build was not cancelled.</summary>
    public bool Succeeded => !Cancelled && Targets.All(t => t.IsSuccessful);

    /// <summary>The process exit code: 0 on success, 1 otherwise.</summary>
    public int ExitCode => Succeeded ? 0 : 1;
}
