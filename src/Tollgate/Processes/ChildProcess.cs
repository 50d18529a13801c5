using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Tollgate;

/// <summary>
/// One started child process: its output pumped line by line to the log (masked), optionally captured (unmasked),
/// the last lines kept for error messages, and a stop that is graceful first and then kills the whole tree.
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

    private readonly Process _process;
    private readonly IBuildLog _log;
    private readonly SecretMasker _masker;
    private readonly Action<string>? _onLine;
    private readonly Lock _gate = new();
    private readonly List<string>? _standardOutput;
    private readonly List<string>? _standardError;
    private readonly Stopwatch _clock;
    private readonly Task _exited;
    private readonly Task _pumps;
    private long _linesRead;
    private bool _detached;
    private TimeSpan? _duration;

    private ChildProcess(CommandSpec command, Process process, IBuildLog log, SecretMasker masker, string workingDirectory, string familyMarker, Action<string>? onLine)
    {
        Command = command;
        WorkingDirectory = workingDirectory;
        FamilyMarker = familyMarker;
        _process = process;
        _log = log;
        _masker = masker;
        _onLine = onLine;
        if (command.CaptureOutput)
        {
            _standardOutput = [];
            _standardError = [];
        }

        _clock = Stopwatch.StartNew();
        Id = process.Id;
        _exited = WatchExitAsync();
        _pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, isError: false),
            PumpAsync(process.StandardError, isError: true));
        _ = WriteInputAsync(command.StandardInput);
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
    internal int Id { get; }

    /// <summary>Whether the process has exited.</summary>
    internal bool HasExited => _exited.IsCompleted;

    /// <summary>The last lines of standard error.</summary>
    internal ProcessOutputTail ErrorTail { get; } = new(TailLength);

    /// <summary>The last lines of standard output.</summary>
    internal ProcessOutputTail OutputTail { get; } = new(TailLength);

    /// <summary>The masked command line for messages.</summary>
    internal string MaskedCommandLine => _masker.Apply(Command.ToDisplayString());

    /// <summary>Starts <paramref name="executable"/> as described by <paramref name="command"/>.</summary>
    /// <exception cref="ProcessException">The working directory does not exist or the file could not be executed.</exception>
    internal static ChildProcess Start(CommandSpec command, string executable, IBuildLog log, SecretMasker masker, Action<string>? onLine = null)
    {
        var workingDirectory = Path.GetFullPath(command.WorkingDirectory ?? Directory.GetCurrentDirectory());
        var commandLine = masker.Apply(command.ToDisplayString());
        if (!Directory.Exists(workingDirectory))
        {
            throw new ProcessException(
                $"Cannot run {commandLine}: its working directory {workingDirectory} does not exist. Create it first or pass an existing directory to WithWorkingDirectory(...).",
                commandLine, workingDirectory, exitCode: null, lastErrorLines: []);
        }

        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var family = ProcessTree.NewFamilyMarker();
        startInfo.Environment[family] = "1";
        var resolved = executable == command.FileName ? string.Empty : $" ({command.FileName} = {executable})";
        log.Debug($"Running {commandLine} in {workingDirectory}{masker.Apply(resolved)}");
        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new ProcessException(
                $"Cannot run {commandLine} in {workingDirectory}: {exception.Message}. Check that {executable} is an executable for this machine and that it may be run (chmod +x).",
                exception);
        }

        return new ChildProcess(command, process, log, masker, workingDirectory, family, onLine);
    }

    /// <summary>Waits for the exit and for the output to be read, then returns the result.</summary>
    internal async Task<ProcessResult> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        await DrainOutputAsync().ConfigureAwait(false);
        return ToResult();
    }

    /// <summary>The result so far: exit code, captured output, duration.</summary>
    internal ProcessResult ToResult()
    {
        lock (_gate)
        {
            return new ProcessResult(
                _process.ExitCode,
                _standardOutput is null ? string.Empty : string.Join('\n', _standardOutput),
                _standardError is null ? string.Empty : string.Join('\n', _standardError),
                _duration ?? _clock.Elapsed);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();

    private async Task WatchExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_gate)
        {
            _duration = _clock.Elapsed;
        }
    }
}
