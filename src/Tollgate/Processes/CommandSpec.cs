using System.Collections.Immutable;

namespace Tollgate;

/// <summary>
/// An immutable description of a child process: arguments are a list, never one shell string. Build it with the
/// <c>With*</c> methods: <c>new CommandSpec("dotnet").WithArguments("test", project).WithTimeout(TimeSpan.FromMinutes(5))</c>.
/// </summary>
/// <param name="FileName">A tool name (looked up on PATH, then in .nuke/temp/tools) or a path.</param>
public sealed record CommandSpec(string FileName)
{
    /// <summary>The arguments, passed to the process as they are (no shell, no quoting needed).</summary>
    public ImmutableArray<string> Arguments { get; init; } = [];

    /// <summary>The working directory; default: the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public ImmutableDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>After this long the process is stopped (gracefully, then its tree is killed) and the run fails.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How long a stopped process gets between the polite signal and the kill.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether to keep stdout and stderr in the result (they are streamed to the log either way).</summary>
    public bool CaptureOutput { get; init; }

    /// <summary>Whether to stream output lines to the log (default true).</summary>
    public bool LogOutput { get; init; } = true;

    /// <summary>Whether a non-zero exit code raises <see cref="ProcessException"/> (default true).</summary>
    public bool ValidateExitCode { get; init; } = true;

    /// <summary>Text written to the process's standard input, if any; the input is closed afterwards.</summary>
    public string? StandardInput { get; init; }

    /// <summary>
    /// Handlers that see every output line as it arrives, in order, on the thread that reads the pipe (the hook of
    /// CliWrap's <c>PipeTarget.ToDelegate</c>, per line and per stream): a stage follows <c>helm upgrade --wait</c> or
    /// <c>docker push</c> progress with it. Lines are still logged and captured as configured. A handler should return
    /// quickly; the first exception it throws is not swallowed: the handler is not called again and the run fails with a
    /// <see cref="ProcessException"/> whose inner exception it is, once the process has exited.
    /// </summary>
    public ImmutableArray<Action<ProcessOutputLine>> OutputHandlers { get; init; } = [];

    /// <summary>Replaces the arguments.</summary>
    public CommandSpec WithArguments(params IEnumerable<string> arguments) => this with { Arguments = [.. arguments] };

    /// <summary>Appends arguments.</summary>
    public CommandSpec AddArguments(params IEnumerable<string> arguments) => this with { Arguments = Arguments.AddRange(arguments) };

    /// <summary>Sets the working directory.</summary>
    public CommandSpec WithWorkingDirectory(string? directory) => this with { WorkingDirectory = directory };

    /// <summary>Sets one environment variable (null removes it from the child's environment).</summary>
    public CommandSpec WithEnvironment(string name, string? value) => this with { Environment = Environment.SetItem(name, value) };

    /// <summary>Sets the timeout.</summary>
    public CommandSpec WithTimeout(TimeSpan? timeout) => this with { Timeout = timeout };

    /// <summary>Sets whether output is captured.</summary>
    public CommandSpec WithCapture(bool capture = true) => this with { CaptureOutput = capture };

    /// <summary>Sets whether a non-zero exit code throws.</summary>
    public CommandSpec WithValidation(bool validate) => this with { ValidateExitCode = validate };

    /// <summary>Sets the standard input text.</summary>
    public CommandSpec WithStandardInput(string? input) => this with { StandardInput = input };

    /// <summary>Adds a handler that sees every output line (stdout and stderr) as it arrives; see <see cref="OutputHandlers"/>.</summary>
    public CommandSpec WithOutputHandler(Action<ProcessOutputLine> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return this with { OutputHandlers = OutputHandlers.Add(handler) };
    }

    /// <summary>Adds a handler for the lines of one stream only, e.g. <c>WithOutputHandler(ProcessOutputSource.StandardOutput, progress.Report)</c>.</summary>
    public CommandSpec WithOutputHandler(ProcessOutputSource source, Action<string> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return WithOutputHandler(line =>
        {
            if (line.Source == source)
            {
                handler(line.Text);
            }
        });
    }

    /// <summary>The command line for messages: arguments with spaces or quotes are quoted (display only, never executed).</summary>
    public string ToDisplayString() =>
        string.Join(' ', new[] { FileName }.Concat(Arguments).Select(QuoteForDisplay));

    private static string QuoteForDisplay(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`' or '\\')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
