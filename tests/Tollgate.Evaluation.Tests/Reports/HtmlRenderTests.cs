using System.Diagnostics;

namespace Tollgate.Evaluation.Tests.Reports;

public sealed class HtmlRenderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [ChromiumFact]
    public async Task The_html_report_renders_in_headless_chromium()
    {
        var files = ReportWriters.WriteAll(_dir.Path, await ReportFixture.CreateAsync());
        var start = new ProcessStartInfo(ChromiumFactAttribute.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={Path.Combine(_dir.Path, "profile")}", "--dump-dom", new Uri(files.Html).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }

        using var chromium = Process.Start(start)!;
        var dom = await chromium.StandardOutput.ReadToEndAsync();
        await chromium.WaitForExitAsync();

        dom.Should().Contain("data-rendered=\"true\"", "the inline script ran");
        dom.Should().Contain("<span id=\"case-count\">3</span>");
    }
}
