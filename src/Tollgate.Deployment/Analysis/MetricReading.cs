namespace Tollgate.Deployment.Analysis;

/// <summary>What a provider read: a value, or none with the reason (no requests in the window, an empty query result).</summary>
/// <param name="Value">The measured value, or null when the source had no data.</param>
/// <param name="Detail">What the value was computed from, for the summary (e.g. <c>3 of 412 requests failed</c>).</param>
public sealed record MetricReading(double? Value, string? Detail = null)
{
    /// <summary>A measured value.</summary>
    public static MetricReading Of(double value, string? detail = null) => new(value, detail);

    /// <summary>No data, with the reason.</summary>
    public static MetricReading NoData(string reason) => new(null, reason);
}
