namespace Tollgate;

/// <summary>Finds a cycle over every ordering edge of a graph (DependsOn, After/Before, Triggers).</summary>
internal static class CycleDetector
{
    /// <summary>Throws a <see cref="TollgateException"/> that prints the first cycle found, e.g. <c>Build -> Scan -> Build</c>.</summary>
    public static void ThrowIfCyclic(TargetGraph graph)
    {
        // Edge a -> b means "a waits for b": a depends on b, a runs after b, or b triggers a.
        var waitsFor = graph.Targets.ToDictionary(t => t.Name, t => new List<string>(t.DependsOn.Concat(t.After)), StringComparer.Ordinal);
        foreach (var target in graph.Targets)
        {
            foreach (var triggered in target.Triggers)
            {
                waitsFor[triggered].Add(target.Name);
            }
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the stack, 2 = done
        var path = new List<string>();
        foreach (var start in graph.Targets)
        {
            if (state.ContainsKey(start.Name))
            {
                continue;
            }

            // Iterative DFS so a 10,000-target chain cannot overflow the stack.
            var stack = new Stack<(string Node, int Next)>();
            stack.Push((start.Name, 0));
            state[start.Name] = 1;
            path.Add(start.Name);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var edges = waitsFor[node];
                if (next < edges.Count)
                {
                    stack.Push((node, next + 1));
                    var successor = edges[next];
                    if (!state.TryGetValue(successor, out var successorState))
                    {
                        state[successor] = 1;
                        path.Add(successor);
                        stack.Push((successor, 0));
                    }
                    else if (successorState == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(successor)).Append(successor);
                        throw new TollgateException(
                            $"The targets form a cycle: {string.Join(" -> ", cycle)}. Remove one of these DependsOn/After/Before/Triggers relations.");
                    }
                }
                else
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }
}
