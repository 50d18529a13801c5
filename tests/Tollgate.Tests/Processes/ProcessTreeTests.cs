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
}
