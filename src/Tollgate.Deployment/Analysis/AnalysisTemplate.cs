using System.Collections.Immutable;

namespace Tollgate.Deployment.Analysis;

/// <summary>A named set of metrics measured together (Argo Rollouts' AnalysisTemplate).</summary>
/// <param name="Name">The analysis name in the summary (e.g. <c>pre-promotion</c>).</param>
/// <param name="Metrics">The metrics.</param>
public sealed record AnalysisTemplate(string Name, ImmutableArray<AnalysisMetric> Metrics)
{
    /// <summary>Throws when a metric is invalid or two metrics share a name.</summary>
    /// <exception cref="TollgateException">A metric is invalid; the message names it.</exception>
    public void Validate()
    {
        foreach (var metric in Metrics)
        {
            metric.Validate();
        }

        var duplicate = Metrics.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TollgateException($"Analysis '{Name}': two metrics are named '{duplicate.Key}'; metric names must be unique.");
        }
    }
}
