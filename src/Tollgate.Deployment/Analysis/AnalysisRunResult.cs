using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Tollgate.Deployment.Analysis;

/// <summary>How an analysis ended: Failed when a metric failed or erred, else Inconclusive when one was, else Successful.</summary>
/// <param name="Name">The analysis name.</param>
/// <param name="Phase">The outcome.</param>
/// <param name="Metrics">Each metric's outcome and measurements.</param>
/// <param name="StartedAt">When the analysis started.</param>
/// <param name="FinishedAt">When it ended.</param>
public sealed record AnalysisRunResult(string Name, MeasurementPhase Phase, ImmutableArray<MetricResult> Metrics, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>Whether the analysis passed.</summary>
    public bool Succeeded => Phase == MeasurementPhase.Successful;

    /// <summary>The first metric that decided a non-successful outcome, as one line (e.g. <c>error-rate failed: ...</c>).</summary>
    public string Reason => Metrics.FirstOrDefault(m => Phase == MeasurementPhase.Failed ? m.Phase is MeasurementPhase.Failed or MeasurementPhase.Error : m.Phase == Phase && Phase != MeasurementPhase.Successful) is { } decisive
        ? $"{decisive.Name} {decisive.Phase.ToString().ToLowerInvariant()}: {decisive.Message}"
        : "all metrics successful";

    /// <summary>A Markdown table of every measurement for the build summary.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#### Analysis {Name}: {Phase}\n\n");
        text.Append("| metric | # | time (UTC) | value | phase | detail |\n|---|---|---|---|---|---|\n");
        foreach (var metric in Metrics)
        {
            foreach (var m in metric.Measurements)
            {
                var value = m.Value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";
                text.Append(CultureInfo.InvariantCulture, $"| {metric.Name} | {m.Index} | {m.TakenAt:HH:mm:ss} | {value} | {m.Phase} | {Cell(m.Message)} |\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"| **{metric.Name}** | | | | **{metric.Phase}** | {Cell(metric.Message)} |\n");
        }

        return text.ToString();
    }

    private static string Cell(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
