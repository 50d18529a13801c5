using System.Diagnostics;

namespace Tollgate.Tests.Processes;

/// <summary>Polls a condition until it holds or a generous deadline passes (a bound for waiting, never a timing assertion).</summary>
public static class Eventually
{
    /// <summary>The default bound: long enough for a loaded two-core machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Returns true as soon as <paramref name="condition"/> holds, false when the deadline passes first.</summary>
    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? deadline = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (deadline ?? Deadline))
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
