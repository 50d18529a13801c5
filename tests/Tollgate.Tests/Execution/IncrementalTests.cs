using Tollgate.TestSupport;
using static Tollgate.Tests.TestSupport.ExecutorHarness;
using static Tollgate.Tests.TestSupport.Graphs;

namespace Tollgate.Tests.Execution;

public sealed class IncrementalTests : IDisposable
{
    private readonly TestSupport.ExecutorHarness _harness = new();
    private readonly TempDirectory _directory = new("tollgate-incremental");
    private readonly AbsolutePath _root;
    private string _parameters = "p1";
    private int _runs;

    public IncrementalTests()
    {
        _root = new AbsolutePath(_directory.Path);
        Directory.CreateDirectory(_root / "src");
        File.WriteAllText(_root / "src" / "a.txt", "alpha");
    }

    public void Dispose() => _directory.Dispose();

    private TargetSpec Generate => Action("Generate", () =>
    {
        _runs++;
        Directory.CreateDirectory(_root / "out");
        File.WriteAllText(_root / "out" / "a.out", File.ReadAllText(_root / "src" / "a.txt").ToUpperInvariant());
    }) with
    { Inputs = ["src/**/*.txt"], Outputs = ["out/*.out"] };

    private Task<BuildReport> RunAsync(bool force = false) =>
        _harness.RunAsync(
            Plan(Of(Generate), ["Generate"]),
            new ExecutorOptions { Force = force, Incremental = new IncrementalState(_root, _root / ".nuke" / "temp" / "state", _ => _parameters) });

    [Fact]
    public async Task A_second_run_with_unchanged_inputs_is_up_to_date()
    {
        (await RunAsync()).Targets[0].Status.Should().Be(TargetStatus.Succeeded);
        (await RunAsync()).Targets[0].Status.Should().Be(TargetStatus.UpToDate);
        _runs.Should().Be(1);
    }

    [Fact]
    public async Task Changing_an_input_file_invalidates()
    {
        await RunAsync();
        File.WriteAllText(_root / "src" / "a.txt", "beta");
        (await RunAsync()).Targets[0].Status.Should().Be(TargetStatus.Succeeded);
    }

    [Fact]
    public async Task Adding_an_input_file_invalidates()
    {
        await RunAsync();
        File.WriteAllText(_root / "src" / "b.txt", "new");
        (await RunAsync()).Targets[0].Status.Should().Be(TargetStatus.Succeeded);
    }

    [Fact]
    public async Task Changing_a_parameter_value_invalidates()
    {
        await RunAsync();
        _parameters = "p2";
        (await RunAsync()).Targets[0].Status.Should().Be(TargetStatus.Succeeded);
    }

    [Fact]
    public async Task Deleting_or_editing_an_output_invalidates()
    {
        await RunAsync();
        File.WriteAllText(_root / "out" / "a.out", "tampered");
        (await RunAsync()).Targets[0].Status.Should().Be(TargetStatus.Succeeded);
        File.Delete(_root / "out" / "a.out");
        (await RunAsync()).Targets[0].Status.Should().Be(TargetStatus.Succeeded);
    }

    [Fact]
    public async Task Force_ignores_the_state()
    {
        await RunAsync();
        (await RunAsync(force: true)).Targets[0].Status.Should().Be(TargetStatus.Succeeded);
        _runs.Should().Be(2);
    }

    [Fact]
    public async Task A_change_of_definition_invalidates()
    {
        var state = new IncrementalState(_root, _root / ".nuke" / "temp" / "state", _ => _parameters);
        await RunAsync();
        state.IsUpToDate(Generate, out _).Should().BeTrue();
        state.IsUpToDate(Generate with { Inputs = ["src/**/*"] }, out var reason).Should().BeFalse();
        reason.Should().Be("inputs, parameters or definition changed");
    }
}
