using System.Text.RegularExpressions;

namespace Tollgate.TestSupport;

/// <summary>
/// The variables a CI runner sets that change what a build does: those that switch it to another output host (GitHub's
/// workflow commands, Azure Pipelines' logging commands), and the build parameters the committed workflows set in their
/// <c>env:</c> blocks (the pull-request workflow's IMAGE_PUSH=false would stop a test's build from pushing). A test that
/// starts a real build removes them, so it passes the same on a developer's machine, under .ci/run and inside the
/// workflow proof's UnitTest job. Every other GITHUB_* and RUNNER_* variable goes too: the revision then comes from the
/// test's own git repository, not from the runner's GITHUB_SHA and GITHUB_REF.
/// </summary>
public static partial class CiRunnerVariables
{
    /// <summary>The names removed by <see cref="RemoveFrom"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_EVENT_PATH", "TF_BUILD",
        .. WorkflowEnvironmentNames(Path.Combine(RepositoryRoot.Path, ".github", "workflows")),
    ];

    /// <summary>Removes the runner's variables (<see cref="Names"/>, GITHUB_*, RUNNER_*) from a child process's environment.</summary>
    public static void RemoveFrom(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var name in Names.Concat(environment.Keys.Where(IsRunnerPrefixed)).ToList())
        {
            environment.Remove(name);
        }
    }

    /// <summary>The keys of every <c>env:</c> mapping (workflow, job or step) of the workflow files in a folder.</summary>
    public static IReadOnlyList<string> WorkflowEnvironmentNames(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yml"))
        {
            int? envIndent = null;
            foreach (var line in File.ReadLines(file))
            {
                var indent = line.Length - line.TrimStart().Length;
                if (envIndent is { } parent && indent > parent && VariableLine().Match(line) is { Success: true } variable)
                {
                    names.Add(variable.Groups[1].Value);
                    continue;
                }

                envIndent = EnvLine().IsMatch(line) ? indent : null;
            }
        }

        return [.. names];
    }

    private static bool IsRunnerPrefixed(string name) =>
        name.StartsWith("GITHUB_", StringComparison.Ordinal) || name.StartsWith("RUNNER_", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(?:-\s+)?env:\s*$")]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"^\s+([A-Z][A-Z0-9_]*):")]
    private static partial Regex VariableLine();
}
