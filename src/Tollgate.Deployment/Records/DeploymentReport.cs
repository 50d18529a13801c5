using System.Globalization;
using System.Text;

namespace Tollgate.Deployment.Records;

/// <summary>The DORA metrics as text for the console and the summary.</summary>
public static class DeploymentReport
{
    /// <summary>The metrics as a Markdown table (reads as plain text on a terminal too).</summary>
    public static string ToMarkdown(DoraMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#### DORA metrics: {metrics.Environment}, {metrics.From:yyyy-MM-dd} to {metrics.To:yyyy-MM-dd}\n\n");
        text.Append("| metric | value |\n|---|---|\n");
        text.Append(CultureInfo.InvariantCulture, $"| deployment frequency | {metrics.Deployments} deployments, {metrics.DeploymentsPerDay:0.##} per day: {metrics.FrequencyBand} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| change failure rate | {Percent(metrics.ChangeFailureRate)} ({metrics.ChangeFailures} of {metrics.Deployments} rolled back) |\n");
        text.Append(CultureInfo.InvariantCulture, $"| lead time for changes (median) | {Duration(metrics.MedianLeadTime)} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| time to restore service (median) | {Duration(metrics.MedianTimeToRestore)} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| attempts stopped before production | {metrics.Attempts - metrics.Deployments} |\n");
        return text.ToString();
    }

    /// <summary>A duration in Tollgate's one format (<c>3d 02h</c>, <c>4h 10m</c>, <c>5m 03s</c>, <c>2.5s</c>), or <c>n/a</c>.</summary>
    public static string Duration(TimeSpan? value) => value is { } duration ? DurationText.Format(duration) : "n/a";

    private static string Percent(double? value) => value is { } v ? v.ToString("0.#%", CultureInfo.InvariantCulture) : "n/a";
}
