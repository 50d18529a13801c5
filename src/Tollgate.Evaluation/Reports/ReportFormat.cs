using System.Globalization;

namespace Tollgate.Evaluation;

/// <summary>Shared number formatting for reports.</summary>
internal static class ReportFormat
{
    public static string Value(string metric, double value) => double.IsNaN(value) ? "–"
        : metric switch
        {
            _ when metric.StartsWith("pass-rate", StringComparison.Ordinal) => value.ToString("P1", CultureInfo.InvariantCulture),
            _ when metric.StartsWith("latency", StringComparison.Ordinal) => value.ToString("#,0", CultureInfo.InvariantCulture) + " ms",
            "cost-per-run" or "cost-per-day" => "$" + value.ToString("0.####", CultureInfo.InvariantCulture),
            "tokens-per-case" => value.ToString("0.#", CultureInfo.InvariantCulture),
            _ => value.ToString("0.###", CultureInfo.InvariantCulture),
        };

    public static string Delta(double? delta) => delta is { } d ? (d >= 0 ? "+" : string.Empty) + d.ToString("P1", CultureInfo.InvariantCulture) : "–";

    public static string Status(GateStatus status) => status == GateStatus.Passed ? "✅ pass" : "❌ fail";
}
