using System.Globalization;

namespace Tollgate.Tests.Processes;

/// <summary>Looks at real processes through /proc, the way `kill -0` would, but treating zombies as gone.</summary>
public static class ProcessProbe
{
    // This machine's init does not reap orphans, so a killed grandchild stays a zombie ("Z"): it runs no code and holds
    // no resources, so it counts as gone.
    /// <summary>Whether the process exists and is not a zombie.</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Reads the process ids a script wrote to <paramref name="file"/>, one a line.</summary>
    public static IReadOnlyList<int> ReadIds(string file) =>
        File.Exists(file)
            ? [.. File.ReadAllLines(file).Where(line => line.Length > 0).Select(line => int.Parse(line, CultureInfo.InvariantCulture))]
            : [];
}
