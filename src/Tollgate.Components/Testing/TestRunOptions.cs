namespace Tollgate.Components.Testing;

/// <summary>What the UnitTest stage runs and how it gates.</summary>
/// <param name="RootDirectory">The repository root; globs and results paths are relative to it.</param>
public sealed record TestRunOptions(string RootDirectory)
{
    /// <summary>Globs of test projects (default <c>tests/**/*.Tests.csproj</c>).</summary>
    public IReadOnlyList<string> TestProjectGlobs { get; init; } = ["tests/**/*.Tests.csproj"];

    /// <summary>The minimum line coverage per project, in percent (default 80; 0 turns the gate off).</summary>
    public double CoverageThreshold { get; init; } = 80;

    /// <summary>With a git ref: only affected test projects run fully, the others run their smoke tests.</summary>
    public string? ChangedSince { get; init; }

    /// <summary>The test filter of the smoke set (default <c>Category=Smoke</c>, i.e. <c>[Trait("Category", "Smoke")]</c>).</summary>
    public string SmokeFilter { get; init; } = "Category=Smoke";

    /// <summary>Whether to collect coverage with coverlet (<c>--collect "XPlat Code Coverage"</c>; default true).</summary>
    public bool CollectCoverage { get; init; } = true;

    /// <summary>
    /// Assemblies left out of the coverage table and gate, by name; <c>*</c> matches any characters
    /// (e.g. <c>*.TestBuild</c> for a helper project the tests reference).
    /// </summary>
    public IReadOnlyList<string> CoverageExclude { get; init; } = [];

    /// <summary>The build configuration, if not the default.</summary>
    public string? Configuration { get; init; }

    /// <summary>Where TRX and JUnit files go (default <c>artifacts/test-results</c>).</summary>
    public string ResultsDirectory { get; init; } = "artifacts/test-results";

    /// <summary>Where Cobertura files go (default <c>artifacts/coverage</c>).</summary>
    public string CoverageDirectory { get; init; } = "artifacts/coverage";

    /// <summary>Scratch space for <c>dotnet test --results-directory</c> (default <c>.nuke/temp/test-runs</c>).</summary>
    public string WorkDirectory { get; init; } = ".nuke/temp/test-runs";

    /// <summary>A limit for each <c>dotnet test</c> run, if any.</summary>
    public TimeSpan? TimeoutPerProject { get; init; }

    /// <summary>Sets the test project globs.</summary>
    public TestRunOptions WithTestProjects(params IEnumerable<string> globs) => this with { TestProjectGlobs = [.. globs] };

    /// <summary>Sets the coverage threshold in percent.</summary>
    public TestRunOptions WithCoverageThreshold(double percent) => this with { CoverageThreshold = percent };

    /// <summary>Sets the base ref for smart selection (null runs everything).</summary>
    public TestRunOptions WithChangedSince(string? baseRef) => this with { ChangedSince = string.IsNullOrWhiteSpace(baseRef) ? null : baseRef };

    /// <summary>Sets the assemblies left out of coverage.</summary>
    public TestRunOptions WithCoverageExclude(params IEnumerable<string> patterns) => this with { CoverageExclude = [.. patterns] };

    /// <summary>Whether an assembly is left out of coverage by <see cref="CoverageExclude"/>.</summary>
    public bool IsExcludedFromCoverage(string assemblyName) =>
        CoverageExclude.Any(pattern => System.Text.RegularExpressions.Regex.IsMatch(
            assemblyName,
            "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            System.Text.RegularExpressions.RegexOptions.None,
            TimeSpan.FromSeconds(1)));

    /// <summary>Resolves a path option against the root.</summary>
    internal string Resolve(string path) => Path.GetFullPath(path, Path.GetFullPath(RootDirectory));
}
