namespace Tollgate.Components.Testing;

/// <summary>
/// The UnitTest stage: <c>dotnet test</c> on the test projects with TRX and JUnit results, coverlet coverage (Cobertura)
/// and a per-project line-coverage gate. With <c>--changed-since &lt;ref&gt;</c> only the affected test projects run
/// fully and the others run their smoke tests (<c>[Trait("Category", "Smoke")]</c>).
/// </summary>
public interface IUnitTest : ITollgateBuild
{
    /// <summary>Globs of test projects (default <c>tests/**/*.Tests.csproj</c>).</summary>
    [Parameter("Globs of test projects, relative to the root (default tests/**/*.Tests.csproj).")]
    string[]? TestProjects => TryGetValue<string[]>();

    /// <summary>The minimum line coverage per project in percent (default 80; 0 turns the gate off).</summary>
    [Parameter("Minimum line coverage per project, in percent (default 80; 0 turns the gate off).")]
    double? CoverageThreshold => TryGetValue<double?>();

    /// <summary>A git ref: run only the test projects affected by changes since it, plus the smoke tests.</summary>
    [Parameter("A git ref (e.g. origin/main): run only the test projects affected by changes since it, plus every project's smoke tests.")]
    string? ChangedSince => TryGetValue<string>();

    /// <summary>Assemblies left out of the coverage gate (<c>*</c> wildcards), e.g. test helper projects.</summary>
    [Parameter("Assembly names left out of the coverage table and gate; * matches any characters (e.g. *.TestBuild).")]
    string[]? CoverageExclude => TryGetValue<string[]>();

    /// <summary>The options the UnitTest target runs with; override to change them in code.</summary>
    TestRunOptions UnitTestSettings
    {
        get
        {
            var options = new TestRunOptions(RootDirectory)
            {
                ResultsDirectory = ArtifactsDirectory / "test-results",
                CoverageDirectory = ArtifactsDirectory / "coverage",
                WorkDirectory = TemporaryDirectory / "test-runs",
            }.WithChangedSince(ChangedSince);
            options = TestProjects is { Length: > 0 } globs ? options.WithTestProjects(globs) : options;
            options = CoverageExclude is { Length: > 0 } excluded ? options.WithCoverageExclude(excluded) : options;
            return CoverageThreshold is { } threshold ? options.WithCoverageThreshold(threshold) : options;
        }
    }

    /// <summary>Runs the unit tests and fails on a failed test or coverage below the gate.</summary>
    Target UnitTest => _ => _
        .Description("Runs the unit tests with TRX/JUnit results and a line-coverage gate")
        .Produces("artifacts/test-results/**", "artifacts/coverage/**")
        .Exclusive(BuildResources.DotnetProjects)
        .Executes(async cancellationToken =>
        {
            var options = UnitTestSettings;
            var result = await new TestRunner(Processes).RunAsync(options, cancellationToken).ConfigureAwait(false);
            Log.Information(result.Selection.Reason);
            if (result.Coverage.Projects.Count > 0)
            {
                Log.Information("Line coverage:\n" + result.Coverage.ToMarkdown(options.CoverageThreshold));
            }

            foreach (var (project, test) in result.FailedTests)
            {
                Host.ReportDiagnostic(FailureLocation.ToDiagnostic(project, test, RootDirectory));
            }

            Host.AppendSummary(result.ToMarkdown());
            if (!result.Succeeded)
            {
                throw new TollgateException(UnitTestFailure.Describe(result));
            }
        });
}
