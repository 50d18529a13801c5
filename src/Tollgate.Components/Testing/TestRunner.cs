using Tollgate.Components.Lint;

namespace Tollgate.Components.Testing;

/// <summary>
/// The UnitTest stage as a plain service: selects the test projects (all, or those affected by changes since a ref
/// plus everyone's smoke tests), runs <c>dotnet test</c> on each with a TRX logger and coverlet, converts TRX to JUnit
/// XML, and merges the Cobertura reports into per-project line coverage. Usable without the engine.
/// </summary>
/// <param name="processes">Runs dotnet test and git.</param>
public sealed class TestRunner(IProcessRunner processes)
{
    /// <summary>The data collector coverlet.collector registers (Cobertura is its default format).</summary>
    public const string CoverageCollector = "XPlat Code Coverage";

    /// <summary>Finds the test projects the options' globs match (relative to the root, ordinal order).</summary>
    public static IReadOnlyList<string> FindTestProjects(TestRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. LintFiles.Find(Path.GetFullPath(options.RootDirectory), options.TestProjectGlobs).Select(f => f.RelativePath)];
    }

    /// <summary>Decides which projects run: everything, or (with <see cref="TestRunOptions.ChangedSince"/>) the affected ones.</summary>
    public async Task<TestSelection> SelectAsync(TestRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var testProjects = FindTestProjects(options);
        if (options.ChangedSince is null)
        {
            return TestSelection.All(testProjects, $"All {testProjects.Count} test project(s) run (no --changed-since)");
        }

        var root = Path.GetFullPath(options.RootDirectory);
        var changed = await new GitChanges(processes).ChangedFilesAsync(root, options.ChangedSince, cancellationToken).ConfigureAwait(false);
        var selection = TestSelection.Affected(ProjectGraph.Load(root), testProjects, changed);
        return selection with { Reason = $"Changes since {options.ChangedSince}: {selection.Reason}" };
    }

    /// <summary>Selects and runs the test projects and computes coverage; never throws for failing tests.</summary>
    public async Task<TestRunResult> RunAsync(TestRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var selection = await SelectAsync(options, cancellationToken).ConfigureAwait(false);
        if (selection.Full.Count + selection.SmokeOnly.Count == 0)
        {
            throw new TollgateException(
                $"No test projects match {string.Join(", ", options.TestProjectGlobs)} under {options.RootDirectory}. Set the TestProjects parameter to globs of your *.csproj test projects.");
        }

        var runs = new List<TestProjectRun>();
        foreach (var project in selection.Full)
        {
            runs.Add(await RunProjectAsync(options, project, TestRunKind.Full, cancellationToken).ConfigureAwait(false));
        }

        foreach (var project in selection.SmokeOnly)
        {
            runs.Add(await RunProjectAsync(options, project, TestRunKind.Smoke, cancellationToken).ConfigureAwait(false));
        }

        var coverage = CoverageSummary.FromLines(runs
            .Where(r => r.Kind == TestRunKind.Full && r.CoveragePath is not null)
            .SelectMany(r => CoberturaReader.Read(r.CoveragePath!))
            .Where(line => selection.IsCoverageGated(line.Project) && !options.IsExcludedFromCoverage(line.Project)));
        return new TestRunResult(selection, runs, coverage, options.CollectCoverage ? options.CoverageThreshold : 0);
    }

    /// <summary>The <c>dotnet test</c> command for one project (exposed so tests can check it exactly).</summary>
    public static CommandSpec TestCommand(TestRunOptions options, string project, TestRunKind kind, string resultsDirectory, string trxName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var command = new CommandSpec("dotnet")
            .WithArguments("test", project, "--logger", $"trx;LogFileName={trxName}", "--results-directory", resultsDirectory)
            .WithWorkingDirectory(Path.GetFullPath(options.RootDirectory))
            .WithTimeout(options.TimeoutPerProject)
            .WithValidation(false);
        if (options.Configuration is not null)
        {
            command = command.AddArguments("--configuration", options.Configuration);
        }

        return kind == TestRunKind.Smoke
            ? command.AddArguments("--filter", options.SmokeFilter)
            : options.CollectCoverage ? command.AddArguments("--collect", CoverageCollector) : command;
    }

    private async Task<TestProjectRun> RunProjectAsync(TestRunOptions options, string project, TestRunKind kind, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(project) + (kind == TestRunKind.Smoke ? ".smoke" : string.Empty);
        var work = Path.Combine(options.Resolve(options.WorkDirectory), name);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var command = TestCommand(options, project, kind, work, name + ".trx");
        var result = await processes.RunAsync(command, cancellationToken).ConfigureAwait(false);

        var resultsDirectory = Directory.CreateDirectory(options.Resolve(options.ResultsDirectory)).FullName;
        var producedTrx = Path.Combine(work, name + ".trx");
        if (!File.Exists(producedTrx))
        {
            return new TestProjectRun(project, kind, result.ExitCode, result.Duration, null, null, null, null);
        }

        var trx = Path.Combine(resultsDirectory, name + ".trx");
        File.Copy(producedTrx, trx, overwrite: true);
        var junit = Path.Combine(resultsDirectory, name + ".junit.xml");
        var report = TrxToJUnitConverter.ConvertFile(trx, junit, name);

        string? coverage = null;
        var produced = Directory.EnumerateFiles(work, "coverage.cobertura.xml", SearchOption.AllDirectories)
            .Select(f => new FileInfo(f)).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault();
        if (kind == TestRunKind.Full && produced is not null)
        {
            coverage = Path.Combine(Directory.CreateDirectory(options.Resolve(options.CoverageDirectory)).FullName, name + ".cobertura.xml");
            produced.CopyTo(coverage, overwrite: true);
        }

        return new TestProjectRun(project, kind, result.ExitCode, result.Duration, report, trx, junit, coverage);
    }
}
