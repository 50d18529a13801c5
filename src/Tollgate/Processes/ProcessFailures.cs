using System.Globalization;
using System.Text;

namespace Tollgate;

/// <summary>Builds the <see cref="ProcessException"/> messages: command line, working directory, exit code, last lines, the fix.</summary>
internal static class ProcessFailures
{
    private const int MaxLineLength = 400;

    /// <summary>The process exited with a non-zero code while validation was on.</summary>
    internal static ProcessException ExitCode(ChildProcess child, SecretMasker masker, int exitCode) => Create(
        child,
        masker,
        exitCode,
        $"The command exited with code {exitCode}:",
        "If this exit code is expected, run the command with .WithValidation(false) and check ProcessResult.ExitCode yourself.");

    /// <summary>The timeout elapsed; the process was stopped.</summary>
    internal static ProcessException TimedOut(ChildProcess child, SecretMasker masker, TimeSpan timeout) => Create(
        child,
        masker,
        exitCode: null,
        $"The command timed out after {Describe(timeout)} and was stopped (SIGTERM to its process tree, killed after the {Describe(child.Command.GracePeriod)} grace period):",
        "If it needs longer, raise the limit with .WithTimeout(...) (null: no limit).");

    /// <summary>A started service exited before it printed the awaited line.</summary>
    internal static ProcessException ExitedBeforeOutput(ChildProcess child, SecretMasker masker, int exitCode) => Create(
        child,
        masker,
        exitCode,
        $"The process exited with code {exitCode} before it printed the line that was waited for:",
        "Check its output above: it usually says why it could not start (a port in use, a missing setting).");

    /// <summary>A started service did not print the awaited line in time (it keeps running).</summary>
    internal static ProcessException OutputTimedOut(ChildProcess child, SecretMasker masker, TimeSpan timeout) => Create(
        child,
        masker,
        exitCode: null,
        $"The process did not print the line that was waited for within {Describe(timeout)} (it is still running):",
        "If it is only slow to start, pass a longer timeout to WaitForOutputAsync; otherwise check that the awaited text matches what it prints.");

    /// <summary>A handler of <see cref="CommandSpec.OutputHandlers"/> threw; the process ran to its end.</summary>
    internal static ProcessException HandlerFailed(ChildProcess child, Exception failure) => new(
        $"An output handler of {child.MaskedCommandLine} threw {failure.GetType().Name} (the process ran to its end, the handler was not called again). Fix the handler passed to WithOutputHandler(...); the inner exception shows where it failed.",
        failure);

    /// <summary>What went wrong, the masked command line and working directory, the last output lines, and the fix.</summary>
    private static ProcessException Create(ChildProcess child, SecretMasker masker, int? exitCode, string problem, string fix)
    {
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{problem}\n")
            .Append(CultureInfo.InvariantCulture, $"  {child.MaskedCommandLine}\n")
            .Append(CultureInfo.InvariantCulture, $"  in {child.WorkingDirectory}\n");
        var lastLines = AppendLastLines(message, child, masker);
        message.Append(fix);
        return new ProcessException(message.ToString(), child.MaskedCommandLine, child.WorkingDirectory, exitCode, lastLines);
    }

    /// <summary>A time span as people write it: 250 ms, 2 s, 1.5 s, 5 min, 1 h 30 min.</summary>
    internal static string Describe(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms"),
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s"),
        { TotalHours: < 1 } when span.Seconds == 0 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
    };

    // Standard error first; many tools (compilers, test runners) report failures on standard output only, so when
    // standard error is empty its last lines stand in.
    private static List<string> AppendLastLines(StringBuilder message, ChildProcess child, SecretMasker masker)
    {
        var errorLines = child.ErrorTail.Snapshot().Select(line => Shorten(masker.Apply(line))).ToList();
        if (errorLines.Count > 0)
        {
            AppendBlock(message, $"Last {errorLines.Count} line(s) of standard error:", errorLines);
            return errorLines;
        }

        var outputLines = child.OutputTail.Snapshot().Select(line => Shorten(masker.Apply(line))).ToList();
        if (outputLines.Count > 0)
        {
            AppendBlock(message, $"Standard error was empty; last {outputLines.Count} line(s) of standard output:", outputLines);
        }
        else
        {
            message.Append("It wrote no output.\n");
        }

        return [];
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
