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

    /// <summary>
    /// True when a container engine is expected: its socket is here (Docker's or rootful Podman's), DOCKER_HOST names
    /// one, or CI demands every tool. Engine fixtures build their images only then.
    /// </summary>
    public static bool EngineExpected =>
        File.Exists("/var/run/docker.sock") || File.Exists("/run/podman/podman.sock")
        || Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || AreRequired;

    /// <summary>The skip reason for a test that needs a container engine, or null when it must run.</summary>
    public static string? EngineSkipReason => EngineExpected
        ? null
        : "No container engine socket here (bash .ci/install.d/10-docker.sh starts one); set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure.";

    /// <summary>The per-test timeout of an engine test: image builds and health waits on a loaded machine take minutes.</summary>
    internal const int EngineTestTimeoutMs = 600_000;

    /// <summary>The skip reason for a missing tool, or null when the test must run (tool here, or CI requires it).</summary>
    public static string? SkipReason(string tool, string installHint) =>
        FindOnPath(tool) is null && !AreRequired
            ? $"{tool} is not installed ({installHint}); set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure."
            : null;
}
