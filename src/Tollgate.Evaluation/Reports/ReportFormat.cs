using System.Globalization;

namespace Tollgate.Evaluation;

/// <summary>Shared number formatting for reports.</summary>
internal static class ReportFormat
{
    public static string Value(string metric, double value) => double.IsNaN(value) ? "–"
        : metric switch
        {
            "pass-rate" => value.ToString("P1", CultureInfo.InvariantCulture),
            "latency-p50" or "latency-p95" => value.ToString("0", CultureInfo.InvariantCulture) + " ms",
            "cost-per-run" or "cost-per-day" => "$" + value.ToString("0.####", CultureInfo.InvariantCulture),
            "tokens-per-case" => value.ToString("0.#", CultureInfo.InvariantCulture),
            _ => value.ToString("0.###", CultureInfo.InvariantCulture),
        };

    public static string Delta(double? delta) => delta is { } d ? (d >= 0 ? "+" : string.Empty) + d.ToString("P1", CultureInfo.InvariantCulture) : "–";

    public static string Status(GateStatus status) => status == GateStatus.Passed ? "✅ pass" : "❌ fail";
}
