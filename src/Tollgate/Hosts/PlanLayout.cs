using System.Collections.Immutable;

namespace Tollgate;

/// <summary>
/// Positions of a plan's targets for the HTML graph: layer = longest path from a target without predecessors over
/// DependsOn, After and Triggers edges; layers are rows top to bottom, targets in plan order within a row, rows centred.
/// </summary>
internal sealed class PlanLayout
{
    public const double NodeHeight = 50;
    public const double CharWidth = 7.8; // monospace at 13px
    private const double HorizontalGap = 36;
    private const double VerticalGap = 72;
    private const double Margin = 24;

    private PlanLayout(ImmutableArray<PlanNode> nodes, ImmutableArray<PlanEdge> edges, double nodeWidth, double width, double height)
    {
        Nodes = nodes;
        Edges = edges;
        NodeWidth = nodeWidth;
        Width = width;
        Height = height;
    }

    public ImmutableArray<PlanNode> Nodes { get; }

    public ImmutableArray<PlanEdge> Edges { get; }

    public double NodeWidth { get; }

    public double Width { get; }

    public double Height { get; }

    public static PlanLayout Create(ExecutionPlan plan)
    {
        var index = plan.Targets.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
        var edges = CollectEdges(plan, index);
        var layers = Layers(plan, edges);
        var longest = plan.Targets.Select(t => t.Name.Length).DefaultIfEmpty(8).Max();
        var nodeWidth = Math.Clamp((longest * CharWidth) + 28, 150, 320);

        var rows = plan.Targets.Select((t, i) => (Target: t, Index: i)).GroupBy(x => layers[x.Index]).OrderBy(g => g.Key).ToList();
        var widest = rows.Select(r => r.Count()).DefaultIfEmpty(1).Max();
        var width = (2 * Margin) + (widest * nodeWidth) + ((widest - 1) * HorizontalGap);
        var nodes = new PlanNode[plan.Targets.Length];
        foreach (var row in rows)
        {
            var count = row.Count();
            var rowWidth = (count * nodeWidth) + ((count - 1) * HorizontalGap);
            var x = (width - rowWidth) / 2;
            var y = Margin + (row.Key * (NodeHeight + VerticalGap));
            foreach (var (target, i) in row)
            {
                nodes[i] = new PlanNode(target, row.Key, x, y);
                x += nodeWidth + HorizontalGap;
            }
        }

        var height = (2 * Margin) + (rows.Count * NodeHeight) + (Math.Max(rows.Count - 1, 0) * VerticalGap);
        return new PlanLayout([.. nodes], edges, nodeWidth, width, height);
    }

    /// <summary>The x where an edge leaves the bottom of its source (or enters the top of its target), spread so edges do not overlap.</summary>
    public double Port(PlanEdge edge, bool outgoing)
    {
        var node = outgoing ? edge.From : edge.To;
        var siblings = Edges
            .Where(e => (outgoing ? e.From : e.To) == node)
            .OrderBy(e => Nodes[outgoing ? e.To : e.From].X)
            .ThenBy(e => outgoing ? e.To : e.From)
            .ThenBy(e => e.Kind)
            .ToList();
        var position = siblings.IndexOf(edge) + 1;
        return Nodes[node].X + (NodeWidth * position / (siblings.Count + 1));
    }

    private static ImmutableArray<PlanEdge> CollectEdges(ExecutionPlan plan, Dictionary<string, int> index)
    {
        var edges = new List<PlanEdge>();
        void Add(string from, string to, PlanEdgeKind kind)
        {
            if (index.TryGetValue(from, out var f) && index.TryGetValue(to, out var t) && f != t)
            {
                var edge = new PlanEdge(f, t, kind);
                if (!edges.Contains(edge))
                {
                    edges.Add(edge);
                }
            }
        }

        foreach (var target in plan.Targets)
        {
            foreach (var dependency in target.Spec.DependsOn)
            {
                Add(dependency, target.Name, PlanEdgeKind.DependsOn);
            }

            foreach (var before in target.Spec.After)
            {
                Add(before, target.Name, PlanEdgeKind.After);
            }

            foreach (var triggered in target.Spec.Triggers)
            {
                Add(target.Name, triggered, PlanEdgeKind.Triggers);
            }
        }

        return [.. edges];
    }

    private static int[] Layers(ExecutionPlan plan, ImmutableArray<PlanEdge> edges)
    {
        var layers = new int[plan.Targets.Length];
        var state = new int[plan.Targets.Length]; // 0 new, 1 visiting, 2 done
        int Visit(int node)
        {
            if (state[node] == 2)
            {
                return layers[node];
            }

            if (state[node] == 1)
            {
                return 0; // a cycle cannot reach a plan; stay finite if one is drawn anyway
            }

            state[node] = 1;
            var layer = 0;
            foreach (var edge in edges.Where(e => e.To == node))
            {
                layer = Math.Max(layer, Visit(edge.From) + 1);
            }

            state[node] = 2;
            return layers[node] = layer;
        }

        for (var i = 0; i < layers.Length; i++)
        {
            Visit(i);
        }

        return layers;
    }
}

/// <summary>A placed target: its layer (row) and its box's top-left corner.</summary>
internal sealed record PlanNode(PlannedTarget Target, int Layer, double X, double Y);

/// <summary>An edge between two plan indexes: from the target that runs first to the one that runs after it.</summary>
internal sealed record PlanEdge(int From, int To, PlanEdgeKind Kind);

/// <summary>Why one target comes before another.</summary>
internal enum PlanEdgeKind
{
    DependsOn,
    After,
    Triggers,
}
