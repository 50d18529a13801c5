using System.Globalization;
using System.Net;

namespace Tollgate;

/// <summary>
/// Writes an execution plan as one self-contained HTML page (<c>.nuke/temp/plan.html</c>): an inline SVG graph laid out
/// here, so it renders offline with no scripts, fonts or stylesheets from anywhere else. Solid edges are DependsOn,
/// dashed edges After/Before ordering, bold edges Triggers; skipped targets are grey, invoked ones outlined, and each box's
/// tooltip shows the description. The output is deterministic.
/// </summary>
internal static class PlanHtmlWriter
{
    private const double LegendHeight = 96;

    /// <summary>Writes <paramref name="plan"/> to <paramref name="writer"/>.</summary>
    public static void Write(ExecutionPlan plan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writer);
        var layout = PlanLayout.Create(plan);
        var invoked = plan.Invoked.IsEmpty ? "none" : string.Join(", ", plan.Invoked);

        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine("<title>Tollgate execution plan</title>");
        writer.WriteLine("<style>");
        writer.WriteLine("body { font-family: system-ui, sans-serif; margin: 24px; color: #1f2328; }");
        writer.WriteLine("svg { max-width: 100%; height: auto; }");
        writer.WriteLine("table { border-collapse: collapse; margin-top: 16px; }");
        writer.WriteLine("th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; }");
        writer.WriteLine("</style>");
        writer.WriteLine("</head>");
        writer.WriteLine("<body>");
        writer.WriteLine("<h1>Execution plan</h1>");
        writer.WriteLine($"<p>{plan.Targets.Length.ToString(CultureInfo.InvariantCulture)} targets, " +
            $"{plan.Targets.Count(t => t.Skipped).ToString(CultureInfo.InvariantCulture)} skipped. Invoked: {Html(invoked)}.</p>");
        WriteSvg(layout, writer);
        WriteTable(plan, writer);
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    private static void WriteSvg(PlanLayout layout, TextWriter writer)
    {
        var height = layout.Height + LegendHeight;
        var width = Math.Max(layout.Width, 560);
        writer.WriteLine($"<svg role=\"img\" aria-label=\"Target graph\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"ui-monospace, monospace\" font-size=\"13\">");
        writer.WriteLine("<defs>");
        foreach (var (kind, color) in new[] { (PlanEdgeKind.DependsOn, "#333333"), (PlanEdgeKind.After, "#6e7781"), (PlanEdgeKind.Triggers, "#8250df") })
        {
            writer.WriteLine($"<marker id=\"arrow-{Id(kind)}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{color}\"/></marker>");
        }

        writer.WriteLine("</defs>");
        var offset = (width - layout.Width) / 2;
        writer.WriteLine($"<g transform=\"translate({N(offset)},0)\">");
        foreach (var edge in layout.Edges)
        {
            WriteEdge(layout, edge, writer);
        }

        foreach (var node in layout.Nodes)
        {
            WriteNode(layout, node, writer);
        }

        writer.WriteLine("</g>");
        WriteLegend(layout.Height, writer);
        writer.WriteLine("</svg>");
    }

    private static void WriteEdge(PlanLayout layout, RoutedEdge routed, TextWriter writer)
    {
        var edge = routed.Edge;
        var points = routed.Points;
        var path = new System.Text.StringBuilder($"M{N(points[0].X)},{N(points[0].Y)}");
        for (var i = 1; i < points.Length; i++)
        {
            var (from, to) = (points[i - 1], points[i]);
            if (i % 2 == 0 && i < points.Length - 1)
            {
                path.Append($" L{N(to.X)},{N(to.Y)}"); // straight down through a lane
                continue;
            }

            var bend = Math.Max((to.Y - from.Y) / 2, 24);
            path.Append($" C{N(from.X)},{N(from.Y + bend)} {N(to.X)},{N(to.Y - bend)} {N(to.X)},{N(to.Y)}");
        }

        var title = $"{layout.Nodes[edge.From].Target.Name} → {layout.Nodes[edge.To].Target.Name}: {Describe(edge.Kind)}";
        writer.WriteLine($"<path class=\"edge {Id(edge.Kind)}\" d=\"{path}\" {Stroke(edge.Kind)} fill=\"none\" marker-end=\"url(#arrow-{Id(edge.Kind)})\"><title>{Html(title)}</title></path>");
    }

    private static void WriteNode(PlanLayout layout, PlanNode node, TextWriter writer)
    {
        var target = node.Target;
        var status = target.Skipped ? "skip: " + TargetStatusText.OneLine(target.SkipReason ?? "skipped") : "execute";
        var tooltip = string.Join(
            "\n",
            new[] { target.Name, target.Spec.Description, status, target.IsInvoked ? "invoked" : null, target.TriggeredBy is null ? null : "triggered by " + target.TriggeredBy }
                .Where(s => !string.IsNullOrWhiteSpace(s)));
        var fill = target.Skipped ? "#eaeef2" : "#ffffff";
        var stroke = target.IsInvoked ? "#0969da" : target.Skipped ? "#afb8c1" : "#57606a";
        var strokeWidth = target.IsInvoked ? "3" : "1.5";
        var text = target.Skipped ? "#6e7781" : "#1f2328";
        var maxChars = (int)((layout.NodeWidth - 16) / PlanLayout.CharWidth);
        var classes = "node" + (target.Skipped ? " skipped" : string.Empty) + (target.IsInvoked ? " invoked" : string.Empty);
        var cx = node.X + (layout.NodeWidth / 2);

        writer.WriteLine($"<g class=\"{classes}\">");
        writer.WriteLine($"<title>{Html(tooltip)}</title>");
        writer.WriteLine($"<rect x=\"{N(node.X)}\" y=\"{N(node.Y)}\" width=\"{N(layout.NodeWidth)}\" height=\"{N(PlanLayout.NodeHeight)}\" rx=\"8\" ry=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth}\"/>");
        writer.WriteLine($"<text x=\"{N(cx)}\" y=\"{N(node.Y + 21)}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{text}\">{Html(Fit(target.Name, maxChars))}</text>");
        writer.WriteLine($"<text x=\"{N(cx)}\" y=\"{N(node.Y + 39)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{text}\">{Html(Fit(status, maxChars + 2))}</text>");
        writer.WriteLine("</g>");
    }

    private static void WriteLegend(double top, TextWriter writer)
    {
        var y = top + 16;
        writer.WriteLine($"<g class=\"legend\" transform=\"translate(24,{N(y)})\" font-size=\"12\">");
        var row = 0;
        foreach (var kind in new[] { PlanEdgeKind.DependsOn, PlanEdgeKind.After, PlanEdgeKind.Triggers })
        {
            var ly = row * 22;
            writer.WriteLine($"<path d=\"M0,{N(ly)} L48,{N(ly)}\" {Stroke(kind)} fill=\"none\" marker-end=\"url(#arrow-{Id(kind)})\"/>");
            writer.WriteLine($"<text x=\"60\" y=\"{N(ly + 4)}\" fill=\"#1f2328\">{Html(Describe(kind))}</text>");
            row++;
        }

        writer.WriteLine("<rect x=\"300\" y=\"-10\" width=\"64\" height=\"20\" rx=\"6\" fill=\"#ffffff\" stroke=\"#0969da\" stroke-width=\"3\"/><text x=\"376\" y=\"4\" fill=\"#1f2328\">invoked</text>");
        writer.WriteLine("<rect x=\"300\" y=\"12\" width=\"64\" height=\"20\" rx=\"6\" fill=\"#ffffff\" stroke=\"#57606a\" stroke-width=\"1.5\"/><text x=\"376\" y=\"26\" fill=\"#1f2328\">executes</text>");
        writer.WriteLine("<rect x=\"300\" y=\"34\" width=\"64\" height=\"20\" rx=\"6\" fill=\"#eaeef2\" stroke=\"#afb8c1\" stroke-width=\"1.5\"/><text x=\"376\" y=\"48\" fill=\"#6e7781\">skipped</text>");
        writer.WriteLine("</g>");
    }

    private static void WriteTable(ExecutionPlan plan, TextWriter writer)
    {
        writer.WriteLine("<table>");
        writer.WriteLine("<thead><tr><th>#</th><th>Target</th><th>Decision</th><th>Depends on</th><th>Description</th></tr></thead>");
        writer.WriteLine("<tbody>");
        for (var i = 0; i < plan.Targets.Length; i++)
        {
            var target = plan.Targets[i];
            var decision = target.Skipped ? "skip: " + TargetStatusText.OneLine(target.SkipReason ?? "skipped") : "execute";
            if (target.IsInvoked)
            {
                decision += " (invoked)";
            }

            if (target.TriggeredBy is not null)
            {
                decision += $" (triggered by {target.TriggeredBy})";
            }

            writer.WriteLine($"<tr><td>{(i + 1).ToString(CultureInfo.InvariantCulture)}</td><td>{Html(target.Name)}</td><td>{Html(decision)}</td>" +
                $"<td>{Html(string.Join(", ", target.Spec.DependsOn))}</td><td>{Html(target.Spec.Description ?? string.Empty)}</td></tr>");
        }

        writer.WriteLine("</tbody>");
        writer.WriteLine("</table>");
    }

    private static string Stroke(PlanEdgeKind kind) => kind switch
    {
        PlanEdgeKind.After => "stroke=\"#6e7781\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"",
        PlanEdgeKind.Triggers => "stroke=\"#8250df\" stroke-width=\"3.5\"",
        _ => "stroke=\"#333333\" stroke-width=\"1.5\"",
    };

    private static string Id(PlanEdgeKind kind) => kind switch
    {
        PlanEdgeKind.After => "after",
        PlanEdgeKind.Triggers => "triggers",
        _ => "depends-on",
    };

    private static string Describe(PlanEdgeKind kind) => kind switch
    {
        PlanEdgeKind.After => "ordering only (After/Before)",
        PlanEdgeKind.Triggers => "triggers",
        _ => "execution dependency (DependsOn)",
    };

    private static string Fit(string text, int maxChars) =>
        text.Length <= maxChars || maxChars < 2 ? text : text[..(maxChars - 1)] + "…";

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
