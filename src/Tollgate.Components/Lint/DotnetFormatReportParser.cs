using System.Text.Json;

namespace Tollgate.Components.Lint;

/// <summary>
/// Reads the JSON report of <c>dotnet format --report &lt;dir&gt;</c> (<c>format-report.json</c>): an array of documents,
/// each with <c>FilePath</c> and <c>FileChanges</c> (<c>LineNumber</c>, <c>CharNumber</c>, <c>DiagnosticId</c>,
/// <c>FormatDescription</c>). Every change becomes an error diagnostic at file:line:column.
/// </summary>
internal static class DotnetFormatReportParser
{
    /// <summary>The name <c>dotnet format</c> gives its report inside the report directory.</summary>
    public const string ReportFileName = "format-report.json";

    /// <summary>Parses a report.</summary>
    /// <param name="json">The report's text.</param>
    /// <param name="rootDirectory">Paths in the diagnostics are relative to it.</param>
    /// <exception cref="TollgateException">The text is not a dotnet format report.</exception>
    public static IReadOnlyList<Diagnostic> Parse(string json, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new TollgateException($"The dotnet format report is not valid JSON (line {exception.LineNumber + 1}): {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new TollgateException("The dotnet format report must be a JSON array of documents; was it written by 'dotnet format --report'?");
            }

            var diagnostics = new List<Diagnostic>();
            foreach (var file in document.RootElement.EnumerateArray())
            {
                var path = String(file, "FilePath") ?? String(file, "FileName") ?? "(unknown file)";
                var relative = Path.IsPathRooted(path) ? LintFiles.Relative(rootDirectory, path) : path.Replace('\\', '/');
                if (!file.TryGetProperty("FileChanges", out var changes) || changes.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var change in changes.EnumerateArray())
                {
                    diagnostics.Add(new Diagnostic(
                        LogLevel.Error,
                        String(change, "FormatDescription") ?? "Formatting differs; run 'dotnet format'.",
                        relative,
                        Int(change, "LineNumber"),
                        Int(change, "CharNumber"),
                        String(change, "DiagnosticId")));
                }
            }

            return [.. diagnostics.Distinct()];
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0 ? number : null;
}
