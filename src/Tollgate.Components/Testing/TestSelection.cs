namespace Tollgate.Components.Testing;

/// <summary>
/// Which test projects run and how: with a base ref, the projects affected by the changed files run fully and the
/// others run only their smoke tests; without one, everything runs fully.
/// </summary>
/// <param name="Full">Test projects that run all their tests (with coverage).</param>
/// <param name="SmokeOnly">Test projects that run only the smoke set (no coverage: partial runs would skew it).</param>
/// <param name="Reason">Why, in one line, for the log.</param>
public sealed record TestSelection(IReadOnlyList<string> Full, IReadOnlyList<string> SmokeOnly, string Reason)
{
    /// <summary>Files that change how every project below their folder builds.</summary>
    private static readonly string[] BuildWideFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", "NuGet.config"];

    /// <summary>
    /// With a partial selection: the projects (relative paths) affected by the changes. Coverage is gated only for
    /// them, because projects that no full run exercises completely would show partial coverage. Null: all projects.
    /// </summary>
    public IReadOnlySet<string>? AffectedProjects { get; init; }

    /// <summary>Whether a coverage row (an assembly name) is gated: all are without a partial selection.</summary>
    public bool IsCoverageGated(string assemblyName) =>
        AffectedProjects is null || AffectedProjects.Any(p => string.Equals(Path.GetFileNameWithoutExtension(p), assemblyName, StringComparison.Ordinal));

    /// <summary>Everything runs fully.</summary>
    public static TestSelection All(IReadOnlyList<string> testProjects, string reason) => new(testProjects, [], reason);

    /// <summary>Selects the test projects affected by the changed files through the project reference graph.</summary>
    /// <param name="graph">The repository's projects.</param>
    /// <param name="testProjects">The configured test projects (relative to the root).</param>
    /// <param name="changedFiles">Changed files, relative to the root.</param>
    internal static TestSelection Affected(ProjectGraph graph, IReadOnlyList<string> testProjects, IReadOnlyCollection<string> changedFiles)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(testProjects);
        ArgumentNullException.ThrowIfNull(changedFiles);
        var changedProjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in changedFiles)
        {
            var name = file[(file.LastIndexOf('/') + 1)..];
            if (BuildWideFiles.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var directory = file.Length > name.Length ? file[..(file.Length - name.Length - 1)] : string.Empty;
                changedProjects.UnionWith(graph.ProjectsUnder(directory));
            }
            else if (graph.OwnerOf(file) is { } owner)
            {
                changedProjects.Add(owner);
            }
        }

        var affected = graph.WithDependents(changedProjects);
        var full = testProjects.Where(affected.Contains).ToList();
        var smoke = testProjects.Where(p => !affected.Contains(p)).ToList();
        var reason = $"{changedFiles.Count} changed file(s) touch {changedProjects.Count} project(s); {full.Count} test project(s) affected, {smoke.Count} run smoke tests only";
        return new TestSelection(full, smoke, reason) { AffectedProjects = affected };
    }
}
