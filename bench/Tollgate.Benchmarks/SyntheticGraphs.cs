namespace Tollgate.Benchmarks;

/// <summary>Seeded random graphs for the benchmarks.</summary>
internal static class SyntheticGraphs
{
    /// <summary>
    /// A layered DAG: <paramref name="layers"/> layers of <paramref name="width"/> targets, each depending on one to three
    /// targets of the previous layer, with per-target durations in milliseconds, and a sink that depends on all of them.
    /// </summary>
    public static (List<(string Name, string[] DependsOn, int Milliseconds)> Targets, string Sink) Layered(int layers, int width, int seed)
    {
        var random = new Random(seed);
        var targets = new List<(string, string[], int)>();
        for (var layer = 0; layer < layers; layer++)
        {
            for (var i = 0; i < width; i++)
            {
                var dependsOn = layer == 0
                    ? []
                    : Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"L{layer - 1}T{random.Next(width)}").Distinct().ToArray();
                targets.Add(($"L{layer}T{i}", dependsOn, random.Next(20, 100)));
            }
        }

        var sink = "All";
        targets.Add((sink, [.. targets.Select(t => t.Item1)], 0)); // every target is in the plan
        return (targets, sink);
    }

    /// <summary>A random DAG of <paramref name="count"/> targets, each depending on up to three earlier ones.</summary>
    public static TargetGraph Random(int count, int seed)
    {
        var random = new Random(seed);
        var specs = new List<TargetSpec>(count + 1);
        for (var i = 0; i < count; i++)
        {
            var dependsOn = i == 0 ? [] : Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"T{random.Next(i)}").Distinct().ToArray();
            specs.Add(new TargetSpec
            {
                Name = $"T{i}",
                DependsOn = [.. dependsOn],
                After = i > 10 && random.Next(10) == 0 ? [$"T{random.Next(i)}"] : [],
                Actions = [_ => Task.CompletedTask],
            });
        }

        specs.Add(new TargetSpec { Name = "All", DependsOn = [.. specs.Select(s => s.Name)] });
        return new TargetGraph(specs);
    }
}
