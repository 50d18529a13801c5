using System.Text.RegularExpressions;

namespace Tollgate.Tests.Hosts;

/// <summary>The Spectre.Console live view of an interactive terminal, read back from the written control codes.</summary>
public sealed partial class TerminalLiveViewTests : IDisposable
{
    private readonly StringWriter _output = new();

    public void Dispose() => _output.Dispose();

    private string Raw => _output.ToString();

    // What a person sees in the scrollback: the text without control sequences.
    private string Visible => AnsiSequence().Replace(Raw, string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal);

    [Fact]
    public void An_interactive_terminal_shows_running_targets_in_a_live_view_and_log_lines_above_it()
    {
        using var host = new TerminalHost(_output, new TerminalOptions(Colors: false, Interactive: true, Width: 80));

        host.TargetStarted("Lint");
        host.TargetStarted("Test");
        var live = Visible;
        host.WriteLine(LogLevel.Information, "Lint", "checking");
        host.TargetFinished(new TargetResult("Lint", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)));
        host.TargetFinished(new TargetResult("Test", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)));
        host.WriteSummary(new BuildReport([new TargetResult("Lint", TargetStatus.Succeeded, TimeSpan.FromSeconds(1))], TimeSpan.FromSeconds(1)));

        live.Should().MatchRegex(@"Lint\s.*\n.*Test\s", "both running targets have a row of the live view");
        Raw.Should().Contain("\u001b[?25l", "the live view hides the cursor while it redraws");
        Visible.Should().Contain("Lint │ checking\n").And.Contain("✔ Lint 1.0s\n");
        Visible.TrimEnd().Split('\n')[^1].Should().Be("Build succeeded", "the live view is cleared before the summary");
    }

    [Fact]
    public void A_progress_bar_is_a_row_of_the_live_view_and_leaves_a_final_line()
    {
        using var host = new TerminalHost(_output, new TerminalOptions(Colors: false, Interactive: true, Width: 100));

        host.TargetStarted("LlmEval");
        using (var progress = host.StartProgress("Evaluating", 10))
        {
            progress.Increment(4, "pass rate 92 %");
            host.WriteLine(LogLevel.Information, null, "redraw");
        }

        host.TargetFinished(new TargetResult("LlmEval", TargetStatus.Succeeded, TimeSpan.FromSeconds(2)));
        host.Dispose();

        Visible.Should().Contain("Evaluating 4/10 pass rate 92 %", "the bar's row shows the count and the status");
        Raw.Should().Contain("redraw\n").And.Contain("LlmEval │ Evaluating: 4/10 pass rate 92 %\n");
        Raw.Should().Contain("✔ LlmEval 2.0s\n");
    }

    [Fact]
    public void A_failure_is_printed_once_under_the_targets_end_line_and_not_again_in_the_table()
    {
        using var host = new TerminalHost(_output, TerminalOptions.Plain);
        const string Failure = "dotnet exited with code 1: error CS1002: ; expected\nLast 1 line(s) of standard error:\n  | error CS1002: ; expected";

        host.TargetStarted("Compile");
        var result = new TargetResult("Compile", TargetStatus.Failed, TimeSpan.FromSeconds(3), "dotnet exited with code 1: error CS1002: ; expected") { Failure = Failure };
        host.TargetFinished(result);
        host.WriteSummary(new BuildReport([result], TimeSpan.FromSeconds(3)));

        var text = _output.ToString().ReplaceLineEndings("\n");
        text.Should().Contain("✘ Compile failed: dotnet exited with code 1: error CS1002: ; expected\n    Last 1 line(s) of standard error:\n      | error CS1002");
        Regex.Matches(text, "exited with code 1").Should().HaveCount(1, "the cause is printed where the target ends, not again in the table or the verdict");
        text.TrimEnd().Split('\n')[^1].Should().Be("Build failed");
    }

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiSequence();
}
