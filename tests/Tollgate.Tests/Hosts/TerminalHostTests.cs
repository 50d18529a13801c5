namespace Tollgate.Tests.Hosts;

public sealed class TerminalHostTests : IDisposable
{
    private const char Escape = '\u001b';
    private readonly StringWriter _output = new();

    public void Dispose() => _output.Dispose();

    private string Text => _output.ToString().ReplaceLineEndings("\n");

    private string[] Lines => Text.TrimEnd('\n').Split('\n');

    [Fact]
    public void Plain_output_prefixes_lines_with_the_target_and_has_no_control_codes()
    {
        using var host = new TerminalHost(_output, TerminalOptions.Plain);

        host.WriteLogo("Build");
        host.TargetStarted("Compile");
        host.WriteLine(LogLevel.Information, "Compile", "dotnet build");
        host.WriteLine(LogLevel.Error, "Compile", "error CS1002");
        host.WriteLine(LogLevel.Information, null, "engine line");
        host.ReportDiagnostic(new Diagnostic(LogLevel.Error, "; expected", "src/A.cs", 3, 7, "CS1002"));
        host.TargetFinished(new TargetResult("Compile", TargetStatus.Failed, TimeSpan.FromSeconds(1.2), "exit code 1"));
        host.WriteSummary(SampleBuilds.FailedReport());

        Lines.Take(7).Should().Equal(
            "Tollgate · Build",
            "▶ Compile",
            "Compile │ dotnet build",
            "Compile │ error CS1002",
            "engine line",
            "Compile │ src/A.cs:3:7: error CS1002: ; expected",
            "✘ Compile failed: exit code 1");
        Text.Should().NotContain(Escape.ToString());
    }

    [Fact]
    public void Colours_are_written_only_when_enabled()
    {
        using var host = new TerminalHost(_output, TerminalOptions.Plain with { Colors = true });

        host.WriteLine(LogLevel.Error, "Compile", "broken");
        host.WriteSummary(SampleBuilds.SucceededReport());

        Text.Should().Contain("\u001b[31mbroken\u001b[0m");
        Text.Should().Contain("\u001b[").And.Contain("Build succeeded");
        Text.Should().NotContain("\r", "non-interactive output never redraws");
    }

    [Fact]
    public void The_summary_lists_every_target_in_plan_order_with_a_total_and_the_verdict()
    {
        using var host = new TerminalHost(_output, TerminalOptions.Plain);

        host.WriteSummary(SampleBuilds.FailedReport());

        var rows = Lines.Where(l => l.StartsWith('│')).ToList();
        rows.Select(r => r.Split('│', StringSplitOptions.TrimEntries)[1]).Should().Equal("Target", "Restore", "Compile", "Test", "Lint", "Pack", "Total");
        rows.Should().ContainSingle(r => r.Contains("Compile", StringComparison.Ordinal) && r.Contains("Succeeded", StringComparison.Ordinal) && r.Contains("12.5s", StringComparison.Ordinal));
        rows.Should().ContainSingle(r => r.Contains("Lint", StringComparison.Ordinal) && r.Contains("Failed", StringComparison.Ordinal) && r.Contains("dotnet format exited with 2", StringComparison.Ordinal));
        rows.Should().ContainSingle(r => r.Contains("Test", StringComparison.Ordinal) && r.Contains("Skipped", StringComparison.Ordinal) && r.Contains("--skip", StringComparison.Ordinal));
        rows[^1].Should().Contain("1m 35s");
        Lines[^1].Should().Be("Build failed");
    }

    [Fact]
    public void Stage_summaries_come_under_a_heading_before_the_table_so_Build_succeeded_is_the_last_line()
    {
        using var host = new TerminalHost(_output, TerminalOptions.Plain);
        host.RegisterSecret("sk-test-987654");
        host.AppendSummary("| Assembly | Lines |\n| --- | --- |\n| Tollgate | 91 % |\n");
        host.AppendSummary("key: sk-test-987654");

        host.WriteSummary(SampleBuilds.SucceededReport());

        var heading = Array.IndexOf(Lines, "Summary");
        heading.Should().BePositive();
        Lines.Skip(heading).Take(7).Should().Equal("Summary", "", "| Assembly | Lines |", "| --- | --- |", "| Tollgate | 91 % |", "", "key: ***");
        Lines[^1].Should().Be("Build succeeded");
    }

    [Fact]
    public void Non_interactive_progress_writes_a_line_per_tenth_without_control_codes()
    {
        using var host = new TerminalHost(_output, TerminalOptions.Plain);

        using (var progress = host.StartProgress("Scanning", 1000))
        {
            for (var i = 0; i < 1000; i++)
            {
                progress.Increment();
            }
        }

        Lines.Should().HaveCount(10).And.OnlyContain(l => l.StartsWith("Scanning: ", StringComparison.Ordinal));
        Lines[^1].Should().Be("Scanning: 1000/1000");
        Text.Should().NotContain(Escape.ToString());
    }

    [Fact]
    public void A_quiet_terminal_shows_only_failed_targets_and_the_summary()
    {
        using var host = new TerminalHost(_output, TerminalOptions.Plain with { Verbosity = Verbosity.Quiet });

        host.TargetStarted("Compile");
        host.TargetFinished(new TargetResult("Compile", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)));
        host.TargetStarted("Lint");
        host.TargetFinished(new TargetResult("Lint", TargetStatus.Failed, TimeSpan.FromSeconds(1), "3 files need formatting"));

        Lines.Should().Equal("✘ Lint failed: 3 files need formatting");
    }
}
