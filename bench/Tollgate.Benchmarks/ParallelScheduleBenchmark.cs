using System.Diagnostics;

namespace Tollgate.Benchmarks;

/// <summary>
/// 200 targets whose actions sleep, run at --max-parallel 8: compares the wall time with the critical path (the longest
/// chain of sleeps), the best any scheduler can do.
/// </summary>
internal static class ParallelScheduleBenchmark
{
    public static async Task RunAsync(TextWriter output)
    {
        var (targets, sink) = SyntheticGraphs.Layered(layers: 25, width: 8, seed: 42);
        var durations = targets.ToDictionary(t => t.Name, t => t.Milliseconds);
        var specs = targets.Select(t => new TargetSpec
        {
            Name = t.Name,
            DependsOn = [.. t.DependsOn],
            Actions = t.Milliseconds == 0 ? [] : [ct => Task.Delay(t.Milliseconds, ct)],
        });
        var graph = new TargetGraph(specs);
        var plan = Planner.Plan(graph, new PlanRequest([sink]));
        var criticalPath = CriticalPath(plan, durations);
        var totalWork = durations.Values.Sum();

        var ratios = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var host = new TerminalHost(TextWriter.Null, new TerminalOptions(Colors: false, Interactive: false));
            var log = new BuildLog(host, new SecretMasker(), Verbosity.Quiet);
            var executor = new Executor(host, log, log.BeginTarget, new ExecutorOptions { MaxParallel = 8 });
            var clock = Stopwatch.StartNew();
            var report = await executor.ExecuteAsync(plan, CancellationToken.None);
            clock.Stop();
            if (!report.Succeeded)
            {
                throw new InvalidOperationException("The benchmark build failed.");
            }

            ratios.Add(clock.Elapsed.TotalMilliseconds / criticalPath);
        }

        ratios.Sort();
        output.WriteLine($"parallel: {plan.Targets.Length - 1} sleeping targets, max-parallel 8, total work {totalWork} ms, critical path {criticalPath} ms");
        output.WriteLine($"parallel: wall / critical path over 5 runs: median {ratios[2]:F3}, best {ratios[0]:F3}, worst {ratios[4]:F3} (goal <= 1.05)");
    }

    private static int CriticalPath(ExecutionPlan plan, Dictionary<string, int> durations)
    {
        var finish = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in plan.Targets)
        {
            var start = target.Spec.DependsOn.Select(d => finish[d]).DefaultIfEmpty(0).Max();
            finish[target.Name] = start + durations[target.Name];
        }

        return finish.Values.Max();
    }
}
