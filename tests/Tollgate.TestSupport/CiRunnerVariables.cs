namespace Tollgate.TestSupport;

/// <summary>
/// The variables a CI runner sets that switch a build to another output host (GitHub's workflow commands, Azure
/// Pipelines' logging commands). A test that starts a real build and reads its terminal output removes them, so it
/// passes the same on a developer's machine, under .ci/run and inside the workflow proof's UnitTest job.
/// </summary>
public static class CiRunnerVariables
{
    /// <summary>The names removed by <see cref="RemoveFrom"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_EVENT_PATH", "TF_BUILD",
    ];

    /// <summary>Removes the runner's variables from a child process's environment.</summary>
    public static void RemoveFrom(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var name in Names)
        {
            environment.Remove(name);
        }
    }
}
