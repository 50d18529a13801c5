using Tollgate.Tests.TestSupport;

namespace Tollgate.Tests.Cli;

public sealed class ContinueTests : IDisposable
{
    private readonly BuildFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Continue_resumes_a_failed_run_skipping_what_succeeded()
    {
        (await _fixture.RunAsync(new SampleBuild { FailTest = true }, null, "Test")).Should().Be(1);
        var resumed = new SampleBuild();
        (await _fixture.RunAsync(resumed, null, "Test", "--continue")).Should().Be(0);
        resumed.Ran.Should().Equal("Test");
        _fixture.Output.Should().Contain(ExecutionNotes.ContinuedSuccess);
    }

    [Fact]
    public async Task Continue_runs_everything_when_the_invocation_differs()
    {
        (await _fixture.RunAsync(new SampleBuild { FailTest = true }, null, "Test")).Should().Be(1);
        var resumed = new SampleBuild();
        (await _fixture.RunAsync(resumed, null, "Test", "--continue", "--stage", "other")).Should().Be(0);
        resumed.Ran.Should().Equal("Restore", "Compile", "Test");
        _fixture.Output.Should().Contain("running every target");
    }

    [Fact]
    public async Task A_successful_run_clears_the_continue_state()
    {
        (await _fixture.RunAsync(new SampleBuild { FailTest = true }, null, "Test")).Should().Be(1);
        (await _fixture.RunAsync(new SampleBuild(), null, "Test", "--continue")).Should().Be(0);
        var again = new SampleBuild();
        (await _fixture.RunAsync(again, null, "Test", "--continue")).Should().Be(0);
        again.Ran.Should().Equal("Restore", "Compile", "Test");
    }
}
