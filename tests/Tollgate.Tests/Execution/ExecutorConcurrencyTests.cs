using static Tollgate.Tests.TestSupport.ExecutorHarness;
using static Tollgate.Tests.TestSupport.Graphs;

namespace Tollgate.Tests.Execution;

public sealed class ExecutorConcurrencyTests
{
    private readonly TestSupport.ExecutorHarness _harness = new();

    [Fact]
    public async Task Independent_targets_run_at_the_same_time()
    {
        var bothStarted = new TaskCompletionSource();
        var started = 0;
        Func<CancellationToken, Task> meet = async ct =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        };
        var graph = Of(Action("A", meet), Action("B", meet), Spec("All", "A", "B"));
        var report = await _harness.RunAsync(Plan(graph, ["All"]), new ExecutorOptions { MaxParallel = 2 });
        report.Succeeded.Should().BeTrue("A and B can only finish if they run at once");
    }

    [Fact]
    public async Task Max_parallel_bounds_how_many_run_at_once()
    {
        var running = 0;
        var peak = 0;
        Func<CancellationToken, Task> work = async ct =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref running);
        };
        var specs = Enumerable.Range(0, 12).Select(i => Action($"T{i}", work)).Append(Spec("All", [.. Enumerable.Range(0, 12).Select(i => $"T{i}")])).ToArray();
        var report = await _harness.RunAsync(Plan(Of(specs), ["All"]), new ExecutorOptions { MaxParallel = 3 });
        report.Succeeded.Should().BeTrue();
        peak.Should().BeLessThanOrEqualTo(3).And.BeGreaterThan(1);
    }

    [Fact]
    public async Task Targets_sharing_an_exclusive_resource_never_overlap_while_others_still_run_alongside()
    {
        var holders = 0;
        var overlap = false;
        var freeRanAlongside = new TaskCompletionSource();
        Func<CancellationToken, Task> exclusive = async ct =>
        {
            if (Interlocked.Increment(ref holders) > 1)
            {
                overlap = true;
            }

            await Task.Delay(30, ct);
            Interlocked.Decrement(ref holders);
        };
        var graph = Of(
            Action("BuildA", exclusive) with { ExclusiveResources = ["dotnet"] },
            Action("BuildB", exclusive) with { ExclusiveResources = ["DOTNET"] },
            Action("BuildC", exclusive) with { ExclusiveResources = ["dotnet", "other"] },
            Action("Free", async ct =>
            {
                await Task.Delay(1, ct);
                freeRanAlongside.TrySetResult();
            }),
            Spec("All", "BuildA", "BuildB", "BuildC", "Free"));

        var report = await _harness.RunAsync(Plan(graph, ["All"]), new ExecutorOptions { MaxParallel = 4 });

        report.Succeeded.Should().BeTrue();
        overlap.Should().BeFalse("targets naming the same resource (ignoring case) run one at a time");
        freeRanAlongside.Task.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public async Task Every_ordering_edge_is_honoured_under_parallelism()
    {
        var finished = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var violations = new System.Collections.Concurrent.ConcurrentBag<string>();
        var specs = new List<TargetSpec>();
        for (var i = 0; i < 40; i++)
        {
            var name = $"T{i:00}";
            var deps = Enumerable.Range(0, i).Where(j => (i * 7 + j) % 5 == 0).Select(j => $"T{j:00}").ToArray();
            var after = i > 3 ? new[] { $"T{i - 3:00}" } : [];
            specs.Add(Action(name, async ct =>
            {
                foreach (var predecessor in deps.Concat(after))
                {
                    if (!finished.ContainsKey(predecessor))
                    {
                        violations.Add($"{name} started before {predecessor}");
                    }
                }

                await Task.Delay(1, ct);
                finished[name] = true;
            }, deps) with
            { After = [.. after] });
        }

        specs.Add(Spec("All", [.. specs.Select(s => s.Name)]));
        var report = await _harness.RunAsync(Plan(Of([.. specs]), ["All"]), new ExecutorOptions { MaxParallel = 8 });
        report.Succeeded.Should().BeTrue();
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failure_cancels_running_targets_which_end_aborted()
    {
        var slowStarted = new TaskCompletionSource();
        var graph = Of(
            Action("Slow", async ct =>
            {
                slowStarted.SetResult();
                await Task.Delay(TimeSpan.FromMinutes(5), ct);
            }),
            Action("Fails", async ct =>
            {
                await slowStarted.Task.WaitAsync(ct);
                throw new TollgateException("failed on purpose");
            }),
            Spec("All", "Slow", "Fails"));
        var report = await _harness.RunAsync(Plan(graph, ["All"]), new ExecutorOptions { MaxParallel = 2 });
        var statuses = Statuses(report);
        statuses["Fails"].Should().Be(TargetStatus.Failed);
        statuses["Slow"].Should().Be(TargetStatus.Aborted);
        statuses["All"].Should().Be(TargetStatus.NotRun);
    }

    [Fact]
    public async Task Cancelling_the_build_aborts_running_targets_and_still_runs_assured_ones()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var cleanedUp = false;
        var graph = Of(
            Action("Long", async ct =>
            {
                started.SetResult();
                await Task.Delay(TimeSpan.FromMinutes(5), ct);
            }),
            Action("Next", () => { }, "Long"),
            Action("Cleanup", () => cleanedUp = true) with { AssuredAfterFailure = true, After = ["Long"] },
            Spec("All", "Next", "Cleanup"));
        var run = _harness.RunAsync(Plan(graph, ["All"]), cancellationToken: cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();
        var report = await run.WaitAsync(TimeSpan.FromSeconds(30));

        report.Cancelled.Should().BeTrue();
        report.ExitCode.Should().Be(1);
        var statuses = Statuses(report);
        statuses["Long"].Should().Be(TargetStatus.Aborted);
        statuses["Next"].Should().Be(TargetStatus.NotRun);
        statuses["Cleanup"].Should().Be(TargetStatus.Succeeded);
        cleanedUp.Should().BeTrue();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
