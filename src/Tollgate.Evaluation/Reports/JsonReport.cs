using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Evaluation;

/// <summary>The full results as JSON: run summary, metrics, gates and every case.</summary>
public static class JsonReport
{
    private const int ChunkBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Renders the report.</summary>
    public static string Render(ReportContext context)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(context, writer);
        return writer.ToString();
    }

    /// <summary>Writes the report to <paramref name="output"/> case by case, in 64 KB chunks.</summary>
    public static void Write(ReportContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var run = context.Run;
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
        void Drain()
        {
            json.Flush();
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
        }

        json.WriteStartObject();
        json.WriteString("suite", context.Suite.Name);
        json.WriteBoolean("passed", context.Gates.Passed);
        json.WritePropertyName("summary");
        JsonSerializer.Serialize(json, new
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

            // The same counts as the log line: the system under test's model calls, then judge and embedding calls.
            modelCalls = new { replayed = run.ModelCallsReplayed, sentToProvider = run.ModelCallsForwarded, missed = run.ModelCallsMissed },
            judgeCalls = new { made = run.JudgeCallsForwarded, cached = run.JudgeCallsReplayed, notRun = run.JudgeCallsMissed },
        }, Options);
        json.WritePropertyName("metrics");
        JsonSerializer.Serialize(json, context.Gates.Metrics.Values, Options);
        json.WritePropertyName("lowerBounds");
        JsonSerializer.Serialize(json, context.Gates.Metrics.LowerBounds, Options);
        json.WritePropertyName("gates");
        JsonSerializer.Serialize(json, context.Gates.Outcomes, Options);
        json.WritePropertyName("cases");
        json.WriteStartArray();
        foreach (var result in run.Cases)
        {
            JsonSerializer.Serialize(json, result, Options);
            if (json.BytesPending + buffer.WrittenCount > ChunkBytes)
            {
                Drain();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        Drain();
    }
}
