namespace Tollgate;

/// <summary>Everything a parameter value can come from, gathered by the CLI before the build runs.</summary>
/// <param name="CommandLine">
/// Parameter flags keyed by their kebab-case name without dashes (<c>coverage-threshold</c> → <c>["90"]</c>); an empty
/// list is a bare flag (<c>--no-cache</c>). Engine options (<c>--target</c>, <c>--skip</c>, <c>--profile</c>, ...) do not belong here.
/// </param>
/// <param name="Environment">The environment variables (typically <c>Environment.GetEnvironmentVariables()</c>).</param>
/// <param name="RootDirectory">The repository root: <c>.nuke/parameters.json</c> lives under it and relative paths resolve against it.</param>
/// <param name="Profiles">The profiles named by <c>--profile a b</c>, in order: <c>.nuke/parameters.a.json</c>, then <c>.nuke/parameters.b.json</c>.</param>
internal sealed record ParameterSources(
    IReadOnlyDictionary<string, IReadOnlyList<string>> CommandLine,
    IReadOnlyDictionary<string, string?> Environment,
    AbsolutePath RootDirectory,
    IReadOnlyList<string> Profiles)
{
    /// <summary>Sources with only a root directory: nothing on the command line, an empty environment, no profiles.</summary>
    public static ParameterSources ForRoot(AbsolutePath rootDirectory) =>
        new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string?>(), rootDirectory, []);

    /// <summary>A copy with these command-line values.</summary>
    public ParameterSources WithCommandLine(IReadOnlyDictionary<string, IReadOnlyList<string>> commandLine) => this with { CommandLine = commandLine };

    /// <summary>A copy with this environment.</summary>
    public ParameterSources WithEnvironment(IReadOnlyDictionary<string, string?> environment) => this with { Environment = environment };

    /// <summary>A copy with these profiles (later ones win).</summary>
    public ParameterSources WithProfiles(params IReadOnlyList<string> profiles) => this with { Profiles = profiles };

    /// <summary>The current process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
    {
        var variables = System.Environment.GetEnvironmentVariables();
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in variables)
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
