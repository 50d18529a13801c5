using System.Text;

namespace Tollgate.Evaluation;

/// <summary>The report files written for a run.</summary>
/// <param name="Json">results.json</param>
/// <param name="JUnit">junit.xml</param>
/// <param name="Markdown">summary.md</param>
/// <param name="Html">report.html</param>
public sealed record ReportFiles(string Json, string JUnit, string Markdown, string Html);

/// <summary>Writes every report of a run, streaming, with secrets masked.</summary>
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
        Write(files.Json, masker, writer => JsonReport.Write(context, writer));
        Write(files.JUnit, masker, writer => JUnitReport.Write(context, writer));
        Write(files.Markdown, masker, writer => writer.Write(MarkdownReport.Render(context)));
        Write(files.Html, masker, writer => HtmlReport.Write(context, writer));
        return files;
    }

    private static void Write(string path, SecretMasker? masker, Action<TextWriter> write)
    {
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var writer = masker is null ? (TextWriter)file : new MaskingTextWriter(file, masker);
        write(writer);
    }
}
