using System.Xml.Linq;
using Tollgate.Deployment.Records;
using static Tollgate.Deployment.Tests.Records.DeploymentHistoryTests;

namespace Tollgate.Deployment.Tests.Records;

public class DeploymentReportHtmlTests
{
    [Fact]
    public void The_page_is_self_contained_with_one_bar_segment_per_day_and_outcome()
    {
        DeploymentRecord[] history = [Record(0), Record(1, RecordedOutcome.RolledBack), Record(25), Record(26, RecordedOutcome.Failed) with { Actor = "<script>alert(1)</script>" }];
        var metrics = DoraMetrics.Compute(history, "prod", T0.AddDays(2), TimeSpan.FromDays(3));
        var html = DeploymentReportHtml.Render(metrics, history);

        html.Should().StartWith("<!DOCTYPE html>").And.NotContain("<script").And.NotContain("src=").And.NotContain("href=");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        var start = html.IndexOf("<svg xmlns", StringComparison.Ordinal);
        var svg = XElement.Parse(html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)]);
        var titles = svg.Elements("{http://www.w3.org/2000/svg}rect").Select(r => r.Value).ToList();
        titles.Should().BeEquivalentTo("2026-11-02: 1 Succeeded", "2026-11-02: 1 RolledBack", "2026-11-03: 1 Succeeded", "2026-11-03: 1 Failed");
        html.Should().Contain("<td>Change failure rate</td><td>33.3% (1 of 3)</td>");
    }
}
