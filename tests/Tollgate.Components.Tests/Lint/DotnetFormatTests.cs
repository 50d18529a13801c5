using Tollgate.Components.Lint;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Lint;

public sealed class DotnetFormatTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_format_report_becomes_one_error_per_change_at_the_file_line_relative_to_the_root()
    {
        var json = $$"""
            [
              {
                "DocumentId": { "ProjectId": { "Id": "1d825570-9810-4d7d-acda-9c91a410de85" }, "Id": "378bf536-cf54-4979-9e63-9405b905a9aa" },
                "FileName": "C.cs",
                "FilePath": "{{_directory.Path}}/src/App/C.cs",
                "FileChanges": [
                  { "LineNumber": 5, "CharNumber": 16, "DiagnosticId": "WHITESPACE", "FormatDescription": "Fix whitespace formatting. Delete 1 characters." },
                  { "LineNumber": 1, "CharNumber": 1, "DiagnosticId": "IDE0005", "FormatDescription": "Using directive is unnecessary." }
                ]
              },
              { "FileName": "D.cs", "FilePath": "{{_directory.Path}}/src/App/D.cs", "FileChanges": [] }
            ]
            """;

        var diagnostics = DotnetFormatReportParser.Parse(json, _directory.Path);

        diagnostics.Select(d => d.ToString()).Should().Equal(
            "src/App/C.cs:5:16: error WHITESPACE: Fix whitespace formatting. Delete 1 characters.",
            "src/App/C.cs:1:1: error IDE0005: Using directive is unnecessary.");
    }

    [Fact]
    public void Something_that_is_not_a_format_report_is_refused_with_a_clear_message()
    {
        var notArray = () => DotnetFormatReportParser.Parse("{\"a\": 1}", _directory.Path);
        var notJson = () => DotnetFormatReportParser.Parse("Restore failed", _directory.Path);

        notArray.Should().Throw<TollgateException>().WithMessage("*JSON array*dotnet format --report*");
        notJson.Should().Throw<TollgateException>().WithMessage("*not valid JSON*");
    }

    [Fact]
    public async Task A_real_dotnet_format_run_reports_a_planted_formatting_error_with_file_and_line()
    {
        // A self-contained scratch project: its own props files stop the repository's from being imported.
        _directory.Write("Directory.Build.props", "<Project />");
        _directory.Write("Directory.Packages.props", "<Project />");
        _directory.Write(".editorconfig", "root = true\n[*.cs]\nindent_style = space\nindent_size = 4\n");
        _directory.Write("Scratch/Scratch.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        _directory.Write("Scratch/Clean.cs", "namespace Scratch;\n\npublic static class Clean\n{\n    public static int One() => 1;\n}\n");
        _directory.Write("Scratch/Planted.cs", "namespace Scratch;\n\npublic static class Planted\n{\n    public static int Two() => 2;\n      public static int Three() => 3;\n}\n");
        var options = new LintOptions(_directory.Path) { FormatWorkspace = "Scratch/Scratch.csproj", ReportDirectory = "artifacts/lint" };

        var result = await new LintRunner(Processes.Create(), Processes.Tools).RunDotnetFormatAsync(options, _directory.Path, CancellationToken.None);

        result.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be("Scratch/Planted.cs:6:5: error WHITESPACE: Fix whitespace formatting. Delete 2 characters.");
        result.FilesChecked.Should().Be(1);
        File.Exists(Path.Combine(_directory.Path, "artifacts/lint/format-report.json")).Should().BeTrue();
    }
}
