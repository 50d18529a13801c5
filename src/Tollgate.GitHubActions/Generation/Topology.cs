namespace Tollgate.GitHubActions;

/// <summary>Kahn's algorithm over "waits for" sets; among ready nodes the lowest rank goes first (declaration order).</summary>
internal static class Topology
{
    public static List<string> Order(IReadOnlyDictionary<string, HashSet<string>> predecessors, Func<string, int> rank, Func<IEnumerable<string>, string> cycleMessage)
    {
        var remaining = predecessors.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        var successors = predecessors.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (node, before) in predecessors)
        {
            foreach (var predecessor in before)
            {
                successors[predecessor].Add(node);
            }
        }

        var ready = new PriorityQueue<string, (int, string)>(remaining.Where(r => r.Value == 0).Select(r => (r.Key, (rank(r.Key), r.Key))));
        var order = new List<string>();
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            foreach (var next in successors[node])
            {
                remaining[next]--;
                if (remaining[next] == 0)
                {
                    ready.Enqueue(next, (rank(next), next));
                }
            }
        }

        if (order.Count < predecessors.Count)
        {
            var stuck = remaining.Where(r => r.Value > 0).Select(r => r.Key).OrderBy(rank);
            throw new TollgateException(cycleMessage(stuck));
        }

        return order;
    }
}
