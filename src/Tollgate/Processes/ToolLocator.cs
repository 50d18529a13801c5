namespace Tollgate;

/// <summary>
/// Finds executables: an absolute or relative path as given, else the directories on PATH, else
/// <c>.nuke/temp/tools</c> (where stages put tools they acquire), searched at its top and one level down
/// (<c>tools/helm/helm</c>).
/// </summary>
/// <param name="toolsDirectory">The directory of acquired tools, normally <c>.nuke/temp/tools</c>.</param>
/// <param name="pathVariable">The PATH value to search; default: the process's PATH.</param>
public sealed class ToolLocator(string? toolsDirectory, string? pathVariable = null)
{
    /// <summary>The directory of acquired tools, if any.</summary>
    public string? ToolsDirectory { get; } = toolsDirectory;

    /// <summary>The full path of the tool, or null when it is nowhere to be found.</summary>
    public string? TryFind(string tool)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        if (tool.Contains('/', StringComparison.Ordinal) || tool.Contains('\\', StringComparison.Ordinal))
        {
            return File.Exists(tool) ? Path.GetFullPath(tool) : null;
        }

        var path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var found = Candidate(directory, tool);
            if (found is not null)
            {
                return found;
            }
        }

        if (ToolsDirectory is not null && Directory.Exists(ToolsDirectory))
        {
            var found = Candidate(ToolsDirectory, tool);
            if (found is not null)
            {
                return found;
            }

            foreach (var directory in Directory.EnumerateDirectories(ToolsDirectory).Order(StringComparer.Ordinal))
            {
                found = Candidate(directory, tool);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>The full path of the tool.</summary>
    /// <exception cref="ToolNotFoundException">It was not found; the message says where it was looked for.</exception>
    public string Find(string tool) =>
        TryFind(tool) ?? throw new ToolNotFoundException(
            $"The tool '{tool}' was not found on PATH{(ToolsDirectory is null ? string.Empty : $" nor in {ToolsDirectory}")}. Install it (for example with your package manager) or put it in .nuke/temp/tools/{tool}/.");

    private static string? Candidate(string directory, string tool)
    {
        foreach (var name in OperatingSystem.IsWindows() ? new[] { tool + ".exe", tool + ".cmd", tool } : [tool])
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || IsExecutable(candidate)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
