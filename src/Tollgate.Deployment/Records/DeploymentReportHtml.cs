using System.Globalization;
using System.Net;
using System.Text;

namespace Tollgate.Deployment.Records;

/// <summary>
/// A self-contained HTML page (no scripts, no external files): the DORA metrics, an inline SVG chart of deployments
/// per day stacked by outcome, and the most recent deployments.
/// </summary>
public static class DeploymentReportHtml
{
    private static readonly (RecordedOutcome Outcome, string Colour)[] Palette =
    [
        (RecordedOutcome.Succeeded, "#2e7d32"),
        (RecordedOutcome.RolledBack, "#c62828"),
        (RecordedOutcome.Failed, "#ef6c00"),
        (RecordedOutcome.Aborted, "#757575"),
    ];

    /// <summary>Renders the page for the records of the metrics' environment and window.</summary>
    public static string Render(DoraMetrics metrics, IEnumerable<DeploymentRecord> history)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(history);
        var records = history.Where(r => r.Environment == metrics.Environment && r.StartedAt >= metrics.From && r.StartedAt <= metrics.To).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Deployments: ").Append(E(metrics.Environment)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}")
            .Append("td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}.legend span{margin-right:1rem}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Deployments to {E(metrics.Environment)}</h1>\n<p>{metrics.From:yyyy-MM-dd} to {metrics.To:yyyy-MM-dd}</p>\n")
            .Append("<table><tr><th>DORA metric</th><th>value</th></tr>\n")
            .Append(CultureInfo.InvariantCulture, $"<tr><td>Deployment frequency</td><td>{metrics.Deployments} ({metrics.DeploymentsPerDay:0.##} per day): {E(metrics.FrequencyBand)}</td></tr>\n")
            .Append(CultureInfo.InvariantCulture, $"<tr><td>Change failure rate</td><td>{(metrics.ChangeFailureRate is { } r ? r.ToString("0.#%", CultureInfo.InvariantCulture) : "n/a")} ({metrics.ChangeFailures} of {metrics.Deployments})</td></tr>\n")
            .Append(CultureInfo.InvariantCulture, $"<tr><td>Lead time for changes (median)</td><td>{DeploymentReport.Duration(metrics.MedianLeadTime)}</td></tr>\n")
            .Append(CultureInfo.InvariantCulture, $"<tr><td>Time to restore service (median)</td><td>{DeploymentReport.Duration(metrics.MedianTimeToRestore)}</td></tr>\n</table>\n");
        html.Append("<h2>Deployments per day</h2>\n").Append(Chart(metrics, records)).Append('\n');
        html.Append("<p class=\"legend\">");
        foreach (var (outcome, colour) in Palette)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span><svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" fill=\"{colour}\"/></svg> {outcome}</span>");
        }

        html.Append("</p>\n<h2>Recent deployments</h2>\n<table><tr><th>started (UTC)</th><th>colour</th><th>image</th><th>commit</th><th>by</th><th>outcome</th><th>duration</th><th>reason</th></tr>\n");
        foreach (var d in records.OrderByDescending(x => x.StartedAt).Take(50))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{d.StartedAt:yyyy-MM-dd HH:mm:ss}</td><td>{E(d.Colour)}</td><td><code>{E(Short(d.ImageDigest))}</code></td><td><code>{E(d.Commit.Length > 10 ? d.Commit[..10] : d.Commit)}</code></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(d.Actor)}</td><td>{d.Outcome}</td><td>{DeploymentReport.Duration(d.Duration)}</td><td>{E(d.Reason ?? string.Empty)}</td></tr>\n");
        }

        return html.Append("</table>\n</body></html>\n").ToString();
    }

    private static string Chart(DoraMetrics metrics, List<DeploymentRecord> records)
    {
        var firstDay = metrics.From.UtcDateTime.Date;
        var days = Math.Max(1, (int)Math.Ceiling((metrics.To.UtcDateTime.Date - firstDay).TotalDays) + 1);
        var perDay = records.GroupBy(r => (int)(r.StartedAt.UtcDateTime.Date - firstDay).TotalDays).ToDictionary(g => g.Key, g => g.ToList());
        var max = Math.Max(1, perDay.Values.Select(v => v.Count).DefaultIfEmpty(0).Max());
        const int Height = 160;
        const int Left = 30;
        var barWidth = Math.Max(4, Math.Min(24, 720 / days));
        var width = Left + (days * barWidth) + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height + 30}\" role=\"img\" aria-label=\"deployments per day\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height}\" x2=\"{width}\" y2=\"{Height}\" stroke=\"#999\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"12\" font-size=\"11\">{max}</text><text x=\"0\" y=\"{Height}\" font-size=\"11\">0</text>");
        foreach (var (day, list) in perDay.OrderBy(p => p.Key))
        {
            var y = (double)Height;
            foreach (var (outcome, colour) in Palette)
            {
                var count = list.Count(r => r.Outcome == outcome);
                if (count == 0)
                {
                    continue;
                }

                var h = (double)count / max * (Height - 10);
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + (day * barWidth) + 1}\" y=\"{y:0.#}\" width=\"{barWidth - 2}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{firstDay.AddDays(day):yyyy-MM-dd}: {count} {outcome}</title></rect>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height + 20}\" font-size=\"11\">{firstDay:yyyy-MM-dd}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - 70}\" y=\"{Height + 20}\" font-size=\"11\">{metrics.To:yyyy-MM-dd}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string Short(string digest)
    {
        var at = digest.IndexOf("@sha256:", StringComparison.Ordinal);
        return at >= 0 && digest.Length > at + 20 ? digest[..(at + 20)] : digest;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
