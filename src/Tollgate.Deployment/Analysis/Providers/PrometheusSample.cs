using System.Collections.Immutable;

namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>One sample of the Prometheus text exposition: a metric name, its labels and its value.</summary>
/// <param name="Name">The sample name (e.g. <c>x_request_duration_seconds_bucket</c>).</param>
/// <param name="Labels">The labels.</param>
/// <param name="Value">The value.</param>
internal sealed record PrometheusSample(string Name, ImmutableDictionary<string, string> Labels, double Value)
{
    /// <summary>A label's value, or the empty string (as Prometheus treats a missing label).</summary>
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : string.Empty;
}
