using System.Text.RegularExpressions;
using Tollgate.TestSupport;

namespace Tollgate.Tests.Hosts;

public sealed partial class PlanWriterTests
{
    [Fact]
    public void The_text_plan_lists_targets_in_execution_order_with_decisions_and_dependencies()
    {
        using var writer = new StringWriter();

        PlanTextWriter.Write(SampleBuilds.Plan(), writer);

        Approvals.Verify(writer.ToString(), "PlanText.approved.txt");
    }

    [Fact]
    public void The_html_plan_is_one_self_contained_file_with_an_inline_svg_graph()
    {
        var html = WriteHtml(SampleBuilds.Plan());

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("</svg>");
        ExternalReference().IsMatch(html).Should().BeFalse("the page must render offline: no src/href to another host");
        html.Should().NotContain("<script").And.NotContain("<link").And.NotContain("@import");
        html.Should().NotContain("http://").And.NotContain("https://");

        var svg = html[html.IndexOf("<svg", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length)];
        var parse = () => System.Xml.Linq.XDocument.Parse(svg);
        parse.Should().NotThrow("the inline SVG is well-formed, with every text escaped");
    }

    [Fact]
    public void Edges_are_solid_for_dependencies_dashed_for_ordering_and_bold_for_triggers()
    {
        var html = WriteHtml(SampleBuilds.Plan());

        var dependsOn = Edge(html, "depends-on", "Restore → Compile");
        var after = Edge(html, "after", "Lint → Test");
        var triggers = Edge(html, "triggers", "Pack → Publish");

        dependsOn.Should().NotContain("stroke-dasharray").And.Contain("marker-end=\"url(#arrow-depends-on)\"");
        after.Should().Contain("stroke-dasharray=\"6 4\"");
        triggers.Should().Contain("stroke-width=\"3.5\"").And.NotContain("stroke-dasharray");
        Regex.Count(html, "<path class=\"edge ").Should().Be(7, "Compile←Restore, Lint←Restore, Test←Compile, Test←Lint (after), Pack←Compile, Pack←Test, Pack→Publish");
    }

    [Fact]
    public void Nodes_show_status_grey_skipped_targets_outline_invoked_ones_and_carry_escaped_descriptions()
    {
        var html = WriteHtml(SampleBuilds.Plan());

        var test = Node(html, "Test");
        test.Should().Contain("class=\"node skipped\"").And.Contain("skip: --skip").And.Contain("fill=\"#eaeef2\"");
        test.Should().Contain("Runs &lt;unit&gt; tests &amp; reports &quot;coverage&quot;.");
        Node(html, "Pack").Should().Contain("class=\"node invoked\"").And.Contain("stroke-width=\"3\"").And.Contain(">execute<");
        Node(html, "Publish").Should().Contain("triggered by Pack");
        html.Should().NotContain("<unit>");
    }

    [Fact]
    public void Layers_follow_the_longest_path_so_every_edge_points_down()
    {
        var html = WriteHtml(SampleBuilds.Plan());

        var y = new[] { "Restore", "Compile", "Lint", "Test", "Pack", "Publish" }
            .ToDictionary(n => n, n => double.Parse(RectY().Match(Node(html, n)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        y["Restore"].Should().BeLessThan(y["Compile"]);
        y["Compile"].Should().Be(y["Lint"]);
        y["Test"].Should().BeGreaterThan(y["Lint"]);
        y["Pack"].Should().BeGreaterThan(y["Test"]);
        y["Publish"].Should().BeGreaterThan(y["Pack"]);
    }

    [Fact]
    public void An_edge_that_spans_layers_passes_beside_the_boxes_of_the_rows_it_crosses()
    {
        var layout = PlanLayout.Create(SampleBuilds.Plan());

        // Compile → Pack skips the row of Test: its lane must not cut through any box of that row.
        var longEdge = layout.Edges.Single(e => layout.Nodes[e.Edge.From].Target.Name == "Compile" && layout.Nodes[e.Edge.To].Target.Name == "Pack");
        longEdge.Points.Should().HaveCount(4);
        var lane = longEdge.Points[1];
        var crossedRow = layout.Nodes.Where(n => n.Y == lane.Y).ToList();
        crossedRow.Should().NotBeEmpty();
        crossedRow.Should().OnlyContain(n => lane.X < n.X || lane.X > n.X + layout.NodeWidth);
    }

    [Fact]
    public void An_empty_plan_is_written_without_a_graph_error()
    {
        var plan = new ExecutionPlan(new TargetGraph([]), [], []);
        using var text = new StringWriter();

        PlanTextWriter.Write(plan, text);
        var html = WriteHtml(plan);

        text.ToString().Should().StartWith("Execution plan: 0 targets, 0 skipped (invoked: none)");
        html.Should().Contain("<svg").And.Contain("0 targets").And.NotContain("class=\"node");
    }

    [Fact]
    public void The_html_plan_is_deterministic()
    {
        WriteHtml(SampleBuilds.Plan()).Should().Be(WriteHtml(SampleBuilds.Plan()));
    }

    private static string WriteHtml(ExecutionPlan plan)
    {
        using var writer = new StringWriter();
        PlanHtmlWriter.Write(plan, writer);
        return writer.ToString();
    }

    private static string Edge(string html, string kind, string title)
    {
        var line = html.Split('\n').SingleOrDefault(l => l.Contains($"class=\"edge {kind}\"", StringComparison.Ordinal) && l.Contains(title, StringComparison.Ordinal));
        line.Should().NotBeNull($"an edge {title} of kind {kind} is drawn");
        return line!;
    }

    private static string Node(string html, string name)
    {
        var start = html.IndexOf($"<title>{name}\n", StringComparison.Ordinal);
        start.Should().BePositive($"a node for {name} is drawn");
        var groupStart = html.LastIndexOf("<g class=\"node", start, StringComparison.Ordinal);
        return html[groupStart..html.IndexOf("</g>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("""<rect x="[\d.]+" y="([\d.]+)" """)]
    private static partial Regex RectY();
}
