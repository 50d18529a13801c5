using System.Globalization;
using System.Text;

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

    private const string FamilyMarkerPrefix = "TOLLGATE_PROCESS_FAMILY_";

    /// <summary>A fresh environment variable name that marks one started process and everything it starts.</summary>
    internal static string NewFamilyMarker() => FamilyMarkerPrefix + Guid.NewGuid().ToString("N");

    /// <summary>
    /// All live descendants of <paramref name="rootId"/> (children, grandchildren, ...), plus, when
    /// <paramref name="familyMarker"/> is given, every other live process whose environment carries that variable
    /// (descendants re-parented after their parent exited).
    /// </summary>
    internal static IReadOnlyList<ProcessIdentity> FindDescendants(int rootId, string? familyMarker = null)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(ProcRoot))
        {
            return [];
        }

        var childrenByParent = new Dictionary<int, List<ProcessIdentity>>();
        var marked = new List<ProcessIdentity>();
        var marker = familyMarker is null ? null : Encoding.UTF8.GetBytes(familyMarker + "=");
        foreach (var directory in Directory.EnumerateDirectories(ProcRoot))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || TryReadStat(id) is not { IsAlive: true } stat)
            {
                continue;
            }

            if (marker is not null && id != rootId && HasVariable(id, marker))
            {
                marked.Add(new ProcessIdentity(id, stat.StartTime));
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

        descendants.AddRange(marked.Where(process => seen.Add(process.Id)));
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

    // The environment a process was started with, as NUL-separated NAME=value entries.
    private static bool HasVariable(int id, byte[] nameAndEquals)
    {
        byte[] environment;
        try
        {
            environment = File.ReadAllBytes($"{ProcRoot}/{id.ToString(CultureInfo.InvariantCulture)}/environ");
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        var span = environment.AsSpan();
        while (span.Length > 0)
        {
            var end = span.IndexOf((byte)0);
            var entry = end < 0 ? span : span[..end];
            if (entry.StartsWith(nameAndEquals))
            {
                return true;
            }

            span = end < 0 ? [] : span[(end + 1)..];
        }

        return false;
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
