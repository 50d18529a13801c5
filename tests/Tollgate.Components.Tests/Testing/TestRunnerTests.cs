using Tollgate.Components.Testing;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Testing;

/// <summary>Runs the real <c>dotnet test</c> with coverlet on a scratch solution (slow: one build, two runs).</summary>
public sealed class TestRunnerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_real_run_writes_trx_junit_and_cobertura_lists_failures_and_gates_coverage_and_smoke_runs_only_smoke_tests()
    {
        ScratchSolution.Write(_directory);
        var git = new GitRepository(_directory);
        await git.InitAsync();
        var runner = new TestRunner(Processes.Create());

        var full = await runner.RunAsync(new TestRunOptions(_directory.Path), CancellationToken.None);

        var run = full.Runs.Should().ContainSingle().Subject;
        run.Kind.Should().Be(TestRunKind.Full);
        (run.Report!.Passed, run.Report.Failed).Should().Be((1, 1));
        File.Exists(Path.Combine(_directory.Path, "artifacts/test-results/Lib.Tests.trx")).Should().BeTrue();
        File.Exists(Path.Combine(_directory.Path, "artifacts/test-results/Lib.Tests.junit.xml")).Should().BeTrue();
        File.Exists(Path.Combine(_directory.Path, "artifacts/coverage/Lib.Tests.cobertura.xml")).Should().BeTrue();
        full.Coverage.Projects.Should().Equal(new ProjectCoverage("Lib", 1, 4));
        full.Succeeded.Should().BeFalse();
        UnitTestFailure.Describe(full).Should().Be(
            "1 test(s) failed:\n" +
            "  - Lib.Tests.CalcTests.Fails (Lib.Tests): Assert.Equal() Failure: Values differ\n" +
            "Line coverage is below 80 % in: Lib (25.0 %). Add tests or lower CoverageThreshold.");
        full.ToMarkdown().Should().Contain("| Lib.Tests | all | 1 | 1 | 0 |").And.Contain("| Lib | 1/4 | 25.0 % | ❌ |");

        // Nothing changed since HEAD: the test project is not affected, so only its smoke test runs, without coverage.
        var smoke = await runner.RunAsync(new TestRunOptions(_directory.Path).WithChangedSince("HEAD"), CancellationToken.None);

        var smokeRun = smoke.Runs.Should().ContainSingle().Subject;
        smokeRun.Kind.Should().Be(TestRunKind.Smoke);
        smokeRun.Report!.Results.Select(r => r.Name).Should().Equal("Lib.Tests.CalcTests.Adds");
        smokeRun.CoveragePath.Should().BeNull();
        smoke.Succeeded.Should().BeTrue();
    }
}
