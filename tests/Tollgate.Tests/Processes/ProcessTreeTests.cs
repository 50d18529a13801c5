using Tollgate.Tests.TestSupport;
using Tollgate.TestSupport;

namespace Tollgate.Tests.Processes;

public sealed class ProcessTreeTests : IDisposable
{
    private readonly TempDirectory _temp = new("tollgate-process-tests");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task I_can_find_the_children_and_grandchildren_of_a_process_but_not_a_reused_id()
    {
        var pids = _temp["pids"];
        var runner = new ProcessRunner(new CollectingLog(), new SecretMasker(), new ToolLocator(toolsDirectory: null));
        await using var script = runner.Start(new CommandSpec("bash").WithArguments(
            "-c", "bash -c 'sleep 300 & echo $! >> \"$0\"; wait' \"$0\" & echo $! >> \"$0\"; wait", pids));
        (await Eventually.HoldsAsync(() => ProcessProbe.ReadIds(pids).Count == 2)).Should().BeTrue();

        var descendants = ProcessTree.FindDescendants(script.ProcessId);

        descendants.Select(d => d.Id).Should().BeEquivalentTo(ProcessProbe.ReadIds(pids));
        descendants.Should().OnlyContain(d => ProcessTree.IsAlive(d));
        ProcessTree.IsAlive(descendants[0] with { StartTime = descendants[0].StartTime + 1 }).Should().BeFalse(
            "the same id with another start time is a different process");
    }

    [Theory]
    [InlineData(250, "250 ms")]
    [InlineData(2_000, "2 s")]
    [InlineData(1_500, "1.5 s")]
    [InlineData(300_000, "5 min")]
    [InlineData(90_000, "1 min 30 s")]
    [InlineData(5_400_000, "1 h 30 min")]
    public void I_read_durations_in_process_errors_as_people_write_them(int milliseconds, string expected) =>
        ProcessFailures.Describe(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);
}
