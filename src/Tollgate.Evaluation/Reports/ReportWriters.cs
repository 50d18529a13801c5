namespace Tollgate.Evaluation;

/// <summary>The report files written for a run.</summary>
/// <param name="Json">results.json</param>
/// <param name="JUnit">junit.xml</param>
/// <param name="Markdown">summary.md</param>
/// <param name="Html">report.html</param>
public sealed record ReportFiles(string Json, string JUnit, string Markdown, string Html);

/// <summary>Writes every report of a run, with secrets masked.</summary>
public static class ReportWriters
{
    /// <summary>Writes results.json, junit.xml, summary.md and report.html into <paramref name="directory"/>.</summary>
    public static ReportFiles WriteAll(string directory, ReportContext context, SecretMasker? masker = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        Directory.CreateDirectory(directory);
        var files = new ReportFiles(
            Path.Combine(directory, "results.json"),
            Path.Combine(directory, "junit.xml"),
            Path.Combine(directory, "summary.md"),
            Path.Combine(directory, "report.html"));
        Write(files.Json, JsonReport.Render(context), masker);
        Write(files.JUnit, JUnitReport.Render(context), masker);
        Write(files.Markdown, MarkdownReport.Render(context), masker);
        Write(files.Html, HtmlReport.Render(context), masker);
        return files;
    }

    private static void Write(string path, string text, SecretMasker? masker) =>
        File.WriteAllText(path, masker is null ? text : masker.Apply(text));
}
