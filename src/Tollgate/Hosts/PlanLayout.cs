using System.Collections.Immutable;

namespace Tollgate;

/// <summary>
/// Positions of a plan's targets for the HTML graph. Layer = longest path from a target without predecessors over
/// DependsOn, After and Triggers edges; layers are rows top to bottom, rows centred.
/// An edge that spans several layers reserves a narrow lane in each row it crosses (to the right of that row's targets),
/// so it never runs through a box. Rows after the first are ordered by the barycentre of their predecessors.
/// </summary>
internal sealed class PlanLayout
{
    public const double NodeHeight = 50;
    public const double CharWidth = 7.8; // monospace at 13px
    private const double LaneWidth = 14;
    private const double HorizontalGap = 36;
    private const double VerticalGap = 72;
    private const double Margin = 24;

    private PlanLayout(ImmutableArray<PlanNode> nodes, ImmutableArray<RoutedEdge> edges, double nodeWidth, double width, double height)
    {
        Nodes = nodes;
        Edges = edges;
        NodeWidth = nodeWidth;
        Width = width;
        Height = height;
    }

    public ImmutableArray<PlanNode> Nodes { get; }

    public ImmutableArray<RoutedEdge> Edges { get; }

    public double NodeWidth { get; }

    public double Width { get; }

    public double Height { get; }

    public static PlanLayout Create(ExecutionPlan plan)
    {
        var index = plan.Targets.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
        var edges = CollectEdges(plan, index);
        var layers = Layers(plan.Targets.Length, edges);
        var longest = plan.Targets.Select(t => t.Name.Length).DefaultIfEmpty(8).Max();
        var nodeWidth = Math.Clamp((longest * CharWidth) + 28, 150, 320);
        var layerCount = layers.DefaultIfEmpty(-1).Max() + 1;

        // Each row holds its targets in plan order, then one lane per edge crossing it.
        var rows = Enumerable.Range(0, layerCount).Select(_ => new List<(int Node, PlanEdge? Lane)>()).ToList();
        for (var i = 0; i < layers.Length; i++)
        {
            rows[layers[i]].Add((i, null));
        }

        foreach (var edge in edges)
        {
            for (var layer = layers[edge.From] + 1; layer < layers[edge.To]; layer++)
            {
                rows[layer].Add((-1, edge));
            }
        }

        double ItemWidth((int Node, PlanEdge? Lane) item) => item.Lane is null ? nodeWidth : LaneWidth;
        double RowWidth(List<(int Node, PlanEdge? Lane)> row) => row.Sum(ItemWidth) + (Math.Max(row.Count - 1, 0) * HorizontalGap);
        var width = (2 * Margin) + rows.Select(RowWidth).DefaultIfEmpty(nodeWidth).Max();

        var nodes = new PlanNode[plan.Targets.Length];
        var lanes = new Dictionary<(PlanEdge Edge, int Layer), double>();
        double Center(int node) => nodes[node].X + (nodeWidth / 2);
        double Above(PlanEdge edge, int layer) => layers[edge.From] == layer - 1 ? Center(edge.From) : lanes[(edge, layer - 1)];
        for (var layer = 0; layer < rows.Count; layer++)
        {
            if (layer > 0)
            {
                // Barycentre ordering: an item sits under the average position of what leads into it, which removes
                // most crossings; ties keep plan order.
                var current = layer;
                rows[layer] = [.. rows[layer]
                    .Select((item, position) => (item, position))
                    .OrderBy(x => x.item.Lane is { } lane ? Above(lane, current) : edges.Where(e => e.To == x.item.Node).Select(e => Above(e, current)).DefaultIfEmpty(0).Average())
                    .ThenBy(x => x.position)
                    .Select(x => x.item)];
            }

            var x = (width - RowWidth(rows[layer])) / 2;
            foreach (var item in rows[layer])
            {
                if (item.Lane is null)
                {
                    nodes[item.Node] = new PlanNode(plan.Targets[item.Node], layer, x, RowTop(layer));
                }
                else
                {
                    lanes[(item.Lane, layer)] = x + (LaneWidth / 2);
                }

                x += ItemWidth(item) + HorizontalGap;
            }
        }

        var routed = Route(edges, nodes, lanes, nodeWidth);
        var height = (2 * Margin) + (layerCount * NodeHeight) + (Math.Max(layerCount - 1, 0) * VerticalGap);
        return new PlanLayout([.. nodes], routed, nodeWidth, width, height);
    }

    private static double RowTop(int layer) => Margin + (layer * (NodeHeight + VerticalGap));

    private static ImmutableArray<RoutedEdge> Route(ImmutableArray<PlanEdge> edges, PlanNode[] nodes, Dictionary<(PlanEdge Edge, int Layer), double> lanes, double nodeWidth)
    {
        // The lanes an edge passes through, top to bottom.
        List<double> LaneXs(PlanEdge edge) =>
            [.. Enumerable.Range(nodes[edge.From].Layer + 1, Math.Max(nodes[edge.To].Layer - nodes[edge.From].Layer - 1, 0)).Select(l => lanes[(edge, l)])];
        double Center(int node) => nodes[node].X + (nodeWidth / 2);
        double NextX(PlanEdge edge) => LaneXs(edge) is { Count: > 0 } xs ? xs[0] : Center(edge.To);
        double PreviousX(PlanEdge edge) => LaneXs(edge) is { Count: > 0 } xs ? xs[^1] : Center(edge.From);

        // Edges leave the bottom and enter the top of a box at evenly spread ports, ordered by where they go or come from.
        double Port(PlanEdge edge, bool outgoing)
        {
            var node = outgoing ? edge.From : edge.To;
            var siblings = edges.Where(e => (outgoing ? e.From : e.To) == node)
                .OrderBy(e => outgoing ? NextX(e) : PreviousX(e)).ThenBy(e => outgoing ? e.To : e.From).ThenBy(e => e.Kind)
                .ToList();
            return nodes[node].X + (nodeWidth * (siblings.IndexOf(edge) + 1) / (siblings.Count + 1));
        }

        var routed = new List<RoutedEdge>();
        foreach (var edge in edges)
        {
            var points = new List<PlanPoint> { new(Port(edge, outgoing: true), nodes[edge.From].Y + NodeHeight) };
            var layer = nodes[edge.From].Layer + 1;
            foreach (var x in LaneXs(edge))
            {
                points.Add(new PlanPoint(x, RowTop(layer)));
                points.Add(new PlanPoint(x, RowTop(layer) + NodeHeight));
                layer++;
            }

            points.Add(new PlanPoint(Port(edge, outgoing: false), nodes[edge.To].Y - 2));
            routed.Add(new RoutedEdge(edge, [.. points]));
        }

        return [.. routed];
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

    private static int[] Layers(int count, ImmutableArray<PlanEdge> edges)
    {
        var layers = new int[count];
        var state = new int[count]; // 0 new, 1 visiting, 2 done
        int Visit(int node)
        {
            if (state[node] == 2)
            {
                return layers[node];
            }

            if (state[node] == 1)
            {
                return 0; // a plan has no cycles; stay finite if one is drawn anyway
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

        for (var i = 0; i < count; i++)
        {
            Visit(i);
        }

        return layers;
    }
}
