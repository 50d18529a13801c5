using System.Collections.Immutable;

namespace Tollgate.Deployment.Analysis;

/// <summary>How one metric ended, with every measurement taken.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Phase">The metric's outcome.</param>
/// <param name="Measurements">Every measurement, in order.</param>
/// <param name="Message">Why it ended (e.g. <c>2 failed measurements, limit 1</c>).</param>
public sealed record MetricResult(string Name, MeasurementPhase Phase, ImmutableArray<Measurement> Measurements, string Message)
{
    /// <summary>Measurements in a phase.</summary>
    public int CountOf(MeasurementPhase phase) => Measurements.Count(m => m.Phase == phase);
}
