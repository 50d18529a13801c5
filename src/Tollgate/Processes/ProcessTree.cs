using System.Globalization;

namespace Tollgate;

/// <summary>One process, identified by its id and its start time so that a reused id is never mistaken for it.</summary>
/// <param name="Id">The process id.</param>
/// <param name="StartTime">The start time in clock ticks since boot (field 22 of <c>/proc/&lt;pid&gt;/stat</c>).</param>
internal sealed record ProcessIdentity(int Id, long StartTime);

/// <summary>
/// Finds and signals the descendants of a process through <c>/proc</c> (Linux). Elsewhere it finds none, and the
/// callers fall back to <see cref="System.Diagnostics.Process.Kill(bool)"/>.
/// </summary>
internal static class ProcessTree
{
    private const string ProcRoot = "/proc";

    /// <summary>All live descendants of <paramref name="rootId"/> (children, grandchildren, ...), parents first.</summary>
    internal static IReadOnlyList<ProcessIdentity> FindDescendants(int rootId)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(ProcRoot))
        {
            return [];
        }

        var childrenByParent = new Dictionary<int, List<ProcessIdentity>>();
        foreach (var directory in Directory.EnumerateDirectories(ProcRoot))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || TryReadStat(id) is not { IsAlive: true } stat)
            {
                continue;
            }

            if (!childrenByParent.TryGetValue(stat.ParentId, out var children))
            {
                children = [];
                childrenByParent[stat.ParentId] = children;
            }

            children.Add(new ProcessIdentity(id, stat.StartTime));
        }

        var descendants = new List<ProcessIdentity>();
        var pending = new Queue<int>([rootId]);
        var seen = new HashSet<int> { rootId };
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in childrenByParent.GetValueOrDefault(parent) ?? [])
            {
                if (seen.Add(child.Id))
                {
                    descendants.Add(child);
                    pending.Enqueue(child.Id);
                }
            }
        }

        return descendants;
    }

    /// <summary>Whether the process still runs (a zombie waiting to be reaped counts as gone).</summary>
    internal static bool IsAlive(ProcessIdentity process) =>
        TryReadStat(process.Id) is { IsAlive: true } stat && stat.StartTime == process.StartTime;

    /// <summary>Sends a signal to the process if it is still the same live process.</summary>
    internal static void Signal(ProcessIdentity process, int signal)
    {
        if (IsAlive(process))
        {
            ProcessNativeMethods.TrySendSignal(process.Id, signal);
        }
    }

    private static ProcessStat? TryReadStat(int id)
    {
        string text;
        try
        {
            text = File.ReadAllText($"{ProcRoot}/{id.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ... starttime ...": comm may contain spaces and parentheses, so split after the last ')'.
        var end = text.LastIndexOf(')');
        if (end < 0)
        {
            return null;
        }

        var fields = text[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        const int StateField = 0, ParentField = 1, StartTimeField = 19;
        if (fields.Length <= StartTimeField
            || !int.TryParse(fields[ParentField], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parentId)
            || !long.TryParse(fields[StartTimeField], NumberStyles.Integer, CultureInfo.InvariantCulture, out var startTime))
        {
            return null;
        }

        return new ProcessStat(parentId, startTime, fields[StateField] is not ("Z" or "X" or "x"));
    }

    private sealed record ProcessStat(int ParentId, long StartTime, bool IsAlive);
}
