using System.Diagnostics;

namespace Tollgate.Benchmarks;

/// <summary>Plans a random graph of 10,000 targets (cycle check, closure, skip rules, ordering).</summary>
internal static class PlanningBenchmark
{
    public static void Run(TextWriter output)
    {
        var graph = SyntheticGraphs.Random(10_000, seed: 7);
        _ = Planner.Plan(graph, new PlanRequest(["All"])); // warm-up: JIT
        var timings = new List<double>();
        for (var run = 0; run < 9; run++)
        {
            var clock = Stopwatch.StartNew();
            var plan = Planner.Plan(graph, new PlanRequest(["All"], ["T5000"]));
            clock.Stop();
            if (plan.Targets.Length != 10_001)
            {
                throw new InvalidOperationException("Unexpected plan size.");
            }

            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        output.WriteLine($"planning: 10,000 targets (+1 sink, ~15,000 edges, --skip T5000): median {timings[4]:F1} ms, best {timings[0]:F1} ms, worst {timings[8]:F1} ms (goal < 200 ms)");
    }
}
