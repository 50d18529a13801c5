using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Testing;

public sealed class UnitTestComponentTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_unit_test_target_lists_failing_tests_at_the_end_and_writes_the_coverage_table_to_the_summary()
    {
        ScratchSolution.Write(_directory);

        var (exitCode, output, summary) = await ComponentBuild.RunOnGitHubAsync(_directory.Path, "UnitTest", "--coverage-threshold", "20");

        exitCode.Should().Be(1);
        output.Should().Contain("::error file=tests/Lib.Tests/CalcTests.cs,line=9,title=Lib.Tests::Lib.Tests.CalcTests.Fails failed: Assert.Equal() Failure: Values differ");
        output.Should().Contain("| Lib | 1/4 | 25.0 % | ✅ |");
        output.Should().Contain("1 test(s) failed:").And.Contain("  - Lib.Tests.CalcTests.Fails (Lib.Tests): Assert.Equal() Failure: Values differ");
        output.Should().NotContain("Line coverage is below");
        summary.Should().Contain("### Unit tests").And.Contain("| Lib.Tests | all | 1 | 1 | 0 |").And.Contain("| Lib | 1/4 | 25.0 % | ✅ |");
        File.Exists(Path.Combine(_directory.Path, "artifacts/test-results/Lib.Tests.junit.xml")).Should().BeTrue();
    }
}
