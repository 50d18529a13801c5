using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Tollgate;

/// <summary>
/// One started child process. CliWrap starts it, pipes standard input and both output streams, and waits for it; this
/// class adds what CliWrap leaves to its callers: output lines masked into the log, captured unmasked, the last lines
/// kept for error messages, handlers called per line, a family marker for the tree shutdown, and not waiting forever for
/// output a surviving descendant keeps open.
/// </summary>
internal sealed partial class ChildProcess : IDisposable
{
    /// <summary>How many lines of each stream error messages show.</summary>
    internal const int TailLength = 20;

    // A descendant that outlives the process (a daemon, `sleep &`) keeps the output pipes open; once the process has
    // exited, output that stays silent this long is no longer waited for.
    private static readonly TimeSpan QuietPeriodAfterExit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly IBuildLog _log;
    private readonly SecretMasker _masker;
    private readonly Action<string>? _onLine;
    private readonly Lock _gate = new();
    private readonly List<string>? _standardOutput;
    private readonly List<string>? _standardError;
    private readonly Stopwatch _clock = new();
    private readonly CancellationTokenSource _detach = new();
    private Process? _process;
    private Task _exited = Task.CompletedTask;
    private Task<CommandResult>? _execution;
    private long _linesRead;
    private bool _detached;
    private TimeSpan? _duration;
    private Exception? _handlerFailure;

    private ChildProcess(CommandSpec command, IBuildLog log, SecretMasker masker, string workingDirectory, Action<string>? onLine, ProcessOutputLog? outputLog)
    {
        OutputLog = outputLog;
        Command = command;
        WorkingDirectory = workingDirectory;
        FamilyMarker = ProcessTree.NewFamilyMarker();
        _log = log;
        _masker = masker;
        _onLine = onLine;
        if (command.CaptureOutput)
        {
            _standardOutput = [];
            _standardError = [];
        }
    }

    /// <summary>The command as given.</summary>
    internal CommandSpec Command { get; }

    /// <summary>
    /// The name of an environment variable set only for this process, which its descendants inherit: it finds them
    /// after they were re-parented (the technique of Jenkins' process tree killer). The name, not the value, is unique,
    /// so nested runners do not overwrite each other's marker.
    /// </summary>
    internal string FamilyMarker { get; }

    /// <summary>The full path of the working directory.</summary>
    internal string WorkingDirectory { get; }

    /// <summary>The process id.</summary>
    internal int Id { get; private set; }

    /// <summary>Whether the process has exited.</summary>
    internal bool HasExited => _exited.IsCompleted;

    /// <summary>The last lines of standard error.</summary>
    internal ProcessOutputTail ErrorTail { get; } = new(TailLength);

    /// <summary>The last lines of standard output.</summary>
    internal ProcessOutputTail OutputTail { get; } = new(TailLength);

    /// <summary>The file that keeps every output line, if the runner keeps output files.</summary>
    internal ProcessOutputLog? OutputLog { get; }

    /// <summary>How many output lines (both streams) were read.</summary>
    internal long LinesRead => Interlocked.Read(ref _linesRead);

    /// <summary>The masked command line for messages.</summary>
    internal string MaskedCommandLine => _masker.Apply(Command.ToDisplayString());

    /// <summary>The first exception an output handler threw, if any.</summary>
    internal Exception? HandlerFailure
    {
        get
        {
            lock (_gate)
            {
                return _handlerFailure;
            }
        }
    }

    /// <summary>Starts <paramref name="executable"/> as described by <paramref name="command"/>.</summary>
    /// <exception cref="ProcessException">The working directory does not exist or the file could not be executed.</exception>
    /// <param name="command">What to run.</param>
    /// <param name="executable">The resolved executable.</param>
    /// <param name="log">Where output lines go (<see cref="IBuildLog.WriteProcessOutput"/>).</param>
    /// <param name="masker">Masks output and command lines.</param>
    /// <param name="onLine">Called with every unmasked line.</param>
    /// <param name="outputLogDirectory">Where to keep the output file; none when null or the command does not log output.</param>
    /// <param name="number">The command's number in this build, part of the output file's name.</param>
    internal static ChildProcess Start(
        CommandSpec command, string executable, IBuildLog log, SecretMasker masker, Action<string>? onLine = null, string? outputLogDirectory = null, int number = 0)
    {
        var workingDirectory = Path.GetFullPath(command.WorkingDirectory ?? Directory.GetCurrentDirectory());
        var commandLine = masker.Apply(command.ToDisplayString());
        if (!Directory.Exists(workingDirectory))
        {
            throw new ProcessException(
                $"Cannot run {commandLine}: its working directory {workingDirectory} does not exist. Create it first or pass an existing directory to WithWorkingDirectory(...).",
                commandLine, workingDirectory, exitCode: null, lastErrorLines: []);
        }

        var outputLog = outputLogDirectory is null || !command.LogOutput
            ? null
            : ProcessOutputLog.TryCreate(outputLogDirectory, log.CurrentTarget, number, command.FileName, commandLine);
        var child = new ChildProcess(command, log, masker, workingDirectory, onLine, outputLog);
        var resolved = executable == command.FileName ? string.Empty : $" ({command.FileName} = {executable})";
        log.Debug($"Running {commandLine} in {workingDirectory}{masker.Apply(resolved)}");
        try
        {
            child.Launch(executable);
        }
        catch (Win32Exception exception)
        {
            child.Dispose();
            var reason = (exception.InnerException ?? exception).Message;
            throw new ProcessException(
                $"Cannot run {commandLine} in {workingDirectory}: {reason}. Check that {executable} is an executable for this machine and that it may be run (chmod +x).",
                exception);
        }

        return child;
    }

    /// <summary>Waits for the exit and for the output to be read, then returns the result.</summary>
    internal async Task<ProcessResult> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        var exitCode = await DrainOutputAsync().ConfigureAwait(false);
        lock (_gate)
        {
            return new ProcessResult(
                exitCode,
                _standardOutput is null ? string.Empty : string.Join('\n', _standardOutput),
                _standardError is null ? string.Empty : string.Join('\n', _standardError),
                _duration ?? _clock.Elapsed);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Abandons output still held open by a descendant, so CliWrap finishes and releases the process.
        _detach.Cancel();
        OutputLog?.Dispose();
        if (_execution is null or { IsCompleted: true })
        {
            _detach.Dispose();
        }
    }

    private void Launch(string executable)
    {
        var environment = new Dictionary<string, string?>(Command.Environment, StringComparer.Ordinal) { [FamilyMarker] = "1" };
        var cli = Cli.Wrap(executable)
            .WithArguments(Command.Arguments)
            .WithWorkingDirectory(WorkingDirectory)
            .WithEnvironmentVariables(environment)
            .WithStandardInputPipe(Command.StandardInput is { } input ? PipeSource.FromString(input, Utf8) : PipeSource.Null)
            .WithStandardOutputPipe(new LinePipeTarget(this, ProcessOutputSource.StandardOutput, _detach.Token))
            .WithStandardErrorPipe(new LinePipeTarget(this, ProcessOutputSource.StandardError, _detach.Token))
            .WithValidation(CommandResultValidation.None);

        // CliWrap hands out the started System.Diagnostics.Process here: its exit (not the end of the output, which a
        // surviving descendant may hold open) starts the quiet period, and the tree kill needs it.
        var task = cli.ExecuteAsync(
            null,
            process =>
            {
                _clock.Start();
                _process = process;
                _exited = WatchExitAsync(process);
            });
        Id = task.ProcessId;
        _execution = task.Task;
    }

    private async Task WatchExitAsync(Process process)
    {
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_gate)
        {
            _duration = _clock.Elapsed;
        }
    }
}
