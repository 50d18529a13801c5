namespace Tollgate.TestSupport;

/// <summary>
/// Whether a real tool a test needs is here. In CI (TOLLGATE_REQUIRE_TOOLS=1) a missing tool is a failure, elsewhere
/// the test is skipped with the reason.
/// </summary>
public static class RequiredTools
{
    /// <summary>True when CI demands every tool (TOLLGATE_REQUIRE_TOOLS=1).</summary>
    public static bool AreRequired => Environment.GetEnvironmentVariable("TOLLGATE_REQUIRE_TOOLS") == "1";

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The skip reason for a missing tool, or null when the test must run (tool here, or CI requires it).</summary>
    public static string? SkipReason(string tool, string installHint) =>
        FindOnPath(tool) is null && !AreRequired
            ? $"{tool} is not installed ({installHint}); set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure."
            : null;
}
