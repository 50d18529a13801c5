namespace Tollgate.Deployment.Analysis;

/// <summary>One measurement of one metric, as the summary shows it.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Index">1 for the first measurement of the metric.</param>
/// <param name="TakenAt">When the measurement finished.</param>
/// <param name="Phase">How it was classified.</param>
/// <param name="Value">The measured value, or null for no data or an error.</param>
/// <param name="Message">What it was computed from, why it had no data, or the error.</param>
public sealed record Measurement(string Metric, int Index, DateTimeOffset TakenAt, MeasurementPhase Phase, double? Value, string? Message);
