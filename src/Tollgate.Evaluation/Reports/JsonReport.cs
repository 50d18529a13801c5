using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Evaluation;

/// <summary>The full results as JSON: run summary, metrics, gates and every case.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Renders the report.</summary>
    public static string Render(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = context.Run;
        return JsonSerializer.Serialize(new
        {
            suite = context.Suite.Name,
            passed = context.Gates.Passed,
            summary = new
            {
                cases = run.Cases.Count,
                passedCases = run.Passed,
                run.TotalCases,
                run.SelectedCases,
                run.Sample,
                run.Repeat,
                run.MinPass,
                run.Seed,
                run.StoppedEarly,
                run.Resumed,
                durationSeconds = run.Duration.TotalSeconds,
                run.CacheHits,
                run.CacheMisses,
                run.Retries,
            },
            metrics = context.Gates.Metrics.Values,
            lowerBounds = context.Gates.Metrics.LowerBounds,
            gates = context.Gates.Outcomes,
            cases = run.Cases,
        }, Options);
    }
}
