using System.Globalization;
using System.Text;

namespace Tollgate;

/// <summary>
/// Builds the <see cref="ProcessException"/> messages. The first line is the cause (<c>dotnet exited with code 1:
/// error CS1002: ; expected</c>), because hosts show it alone where space is short; then the last lines, the command line,
/// the working directory, the file with the full output and the fix.
/// </summary>
internal static class ProcessFailures
{
    private const int MaxLineLength = 400;

    /// <summary>The process exited with a non-zero code while validation was on.</summary>
    internal static ProcessException ExitCode(ChildProcess child, SecretMasker masker, int exitCode) => Create(
        child,
        masker,
        exitCode,
        $"{ToolName(child)} exited with code {exitCode}",
        "If this exit code is expected, run the command with .WithValidation(false) and check ProcessResult.ExitCode yourself.");

    /// <summary>The timeout elapsed; the process was stopped.</summary>
    internal static ProcessException TimedOut(ChildProcess child, SecretMasker masker, TimeSpan timeout) => Create(
        child,
        masker,
        exitCode: null,
        $"{ToolName(child)} timed out after {DurationText.Format(timeout)} and was stopped (SIGTERM to its process tree, killed after the {DurationText.Format(child.Command.GracePeriod)} grace period)",
        "If it needs longer, raise the limit with .WithTimeout(...) (null: no limit).");

    /// <summary>A started service exited before it printed the awaited line.</summary>
    internal static ProcessException ExitedBeforeOutput(ChildProcess child, SecretMasker masker, int exitCode) => Create(
        child,
        masker,
        exitCode,
        $"{ToolName(child)} exited with code {exitCode} before it printed the line that was waited for",
        "Its last lines usually say why it could not start (a port in use, a missing setting).");

    /// <summary>A started service did not print the awaited line in time (it keeps running).</summary>
    internal static ProcessException OutputTimedOut(ChildProcess child, SecretMasker masker, TimeSpan timeout) => Create(
        child,
        masker,
        exitCode: null,
        $"{ToolName(child)} did not print the line that was waited for within {DurationText.Format(timeout)} (it is still running)",
        "If it is only slow to start, pass a longer timeout to WaitForOutputAsync; otherwise check that the awaited text matches what it prints.");

    /// <summary>A handler of <see cref="CommandSpec.OutputHandlers"/> threw; the process ran to its end.</summary>
    internal static ProcessException HandlerFailed(ChildProcess child, Exception failure) => new(
        $"An output handler of {child.MaskedCommandLine} threw {failure.GetType().Name} (the process ran to its end, the handler was not called again). Fix the handler passed to WithOutputHandler(...); the inner exception shows where it failed.",
        failure);

    /// <summary>What went wrong, the masked command line and working directory, the last output lines, and the fix.</summary>
    private static ProcessException Create(ChildProcess child, SecretMasker masker, int? exitCode, string problem, string fix)
    {
        child.OutputLog?.Complete(problem);
        var errorLines = Masked(child.ErrorTail, masker);
        var outputLines = Masked(child.OutputTail, masker);
        var cause = Cause(errorLines.Count > 0 ? errorLines : outputLines);
        var message = new StringBuilder()
            .Append(problem).Append(cause is null ? string.Empty : ": " + cause).Append('\n');
        AppendLastLines(message, errorLines, outputLines);
        message
            .Append(CultureInfo.InvariantCulture, $"Command: {child.MaskedCommandLine}\n")
            .Append(CultureInfo.InvariantCulture, $"  in {child.WorkingDirectory}\n");
        if (child.OutputLog is { } file)
        {
            message.Append(CultureInfo.InvariantCulture, $"Full output: {file.DisplayPath()}\n");
        }

        message.Append(fix);
        return new ProcessException(message.ToString(), child.MaskedCommandLine, child.WorkingDirectory, exitCode, errorLines);
    }

    /// <summary>The tool's file name, as people call it (<c>dotnet</c>, not <c>/usr/share/dotnet/dotnet</c>).</summary>
    private static string ToolName(ChildProcess child) => Path.GetFileName(child.Command.FileName);

    // The line most likely to say why: the last one that mentions an error, else the last non-blank one.
    private static string? Cause(IReadOnlyList<string> lines)
    {
        var meaningful = lines.Where(line => !string.IsNullOrWhiteSpace(line)).Select(line => line.Trim()).ToList();
        var cause = meaningful.LastOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? meaningful.LastOrDefault();
        return cause is { Length: > 160 } ? string.Concat(cause.AsSpan(0, 159), "…") : cause;
    }

    private static List<string> Masked(ProcessOutputTail tail, SecretMasker masker) =>
        [.. tail.Snapshot().Select(line => Shorten(masker.Apply(line)))];


    // Standard error first; many tools (compilers, test runners) report failures on standard output only, so when
    // standard error is empty its last lines stand in.
    private static void AppendLastLines(StringBuilder message, List<string> errorLines, List<string> outputLines)
    {
        if (errorLines.Count > 0)
        {
            AppendBlock(message, $"Last {errorLines.Count} line(s) of standard error:", errorLines);
        }
        else if (outputLines.Count > 0)
        {
            AppendBlock(message, $"Standard error was empty; last {outputLines.Count} line(s) of standard output:", outputLines);
        }
        else
        {
            message.Append("It wrote no output.\n");
        }
    }

    private static void AppendBlock(StringBuilder message, string heading, IReadOnlyList<string> lines)
    {
        message.Append(heading).Append('\n');
        foreach (var line in lines)
        {
            message.Append("  | ").Append(line).Append('\n');
        }
    }

    private static string Shorten(string line) => line.Length <= MaxLineLength ? line : string.Concat(line.AsSpan(0, MaxLineLength), "…");
}
