using Spectre.Console;

namespace Tollgate;

/// <summary>
/// Writes the build to a terminal (or a redirected stream): log lines prefixed with their target
/// (<c>Compile │ text</c>) and coloured by level, target start and end lines (a failure's whole message under its end
/// line, once), diagnostics, a Spectre.Console live view of running targets and progress bars (interactive only), and
/// the summary table.
/// Non-interactive output has no control codes; without colours it has no ANSI sequences at all. Thread-safe.
/// </summary>
internal sealed partial class TerminalHost : IBuildHost, IDisposable
{
    private const string PrefixSeparator = " │ ";

    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly IAnsiConsole _console;
    private readonly SecretMasker _masker = new();
    private readonly Lock _gate = new();
    private readonly List<string> _summaries = [];

    // The target whose flow called TargetStarted (the executor calls it on the target's own async flow): plain
    // progress lines a stage writes through the host carry that target's prefix.
    private readonly AsyncLocal<string?> _flowTarget = new();

    /// <summary>Creates a host writing to <paramref name="output"/>.</summary>
    /// <param name="output">Where everything goes (usually <see cref="Console.Out"/>).</param>
    /// <param name="options">Colours, interactivity and width.</param>
    /// <param name="time">The clock for elapsed times in the status line; the system clock when omitted.</param>
    public TerminalHost(TextWriter output, TerminalOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        _output = output;
        Options = options;
        _time = time ?? TimeProvider.System;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            // The live view moves the cursor, which needs ANSI even when NO_COLOR asks for no colours.
            Ansi = options.Colors || options.Interactive ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Colors ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = options.Interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        _console.Profile.Width = Math.Max(options.Width, 20);
        _console.Profile.Capabilities.Unicode = true;
    }

    /// <inheritdoc/>
    public string Name => "terminal";

    /// <summary>How this host writes.</summary>
    public TerminalOptions Options { get; }

    private bool Colors => Options.Colors;

    /// <inheritdoc/>
    public void WriteLogo(string buildName)
    {
        ArgumentNullException.ThrowIfNull(buildName);
        WriteRaw(Ansi.Paint("Tollgate", Ansi.Bold, Colors) + " · " + _masker.Apply(buildName));
    }

    /// <inheritdoc/>
    public void WriteLine(LogLevel level, string? target, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = Ansi.Paint(_masker.Apply(line), Ansi.ForLevel(level), Colors);
        WriteRaw(target is null ? text : Ansi.Paint(target + PrefixSeparator, Ansi.Cyan, Colors) + text);
    }

    /// <inheritdoc/>
    public void TargetStarted(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _flowTarget.Value = target;
        lock (_gate)
        {
            _running.Add(new RunningTarget(target, _time.GetTimestamp()));
            if (Options.Verbosity > Verbosity.Quiet)
            {
                WriteLineLocked(Ansi.Paint("▶ " + target, Ansi.Bold, Colors));
            }

            AddTargetRowLocked(target);
        }
    }

    /// <inheritdoc/>
    public void TargetFinished(TargetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _running.RemoveAll(r => string.Equals(r.Name, result.Name, StringComparison.Ordinal));
            RemoveTargetRowLocked(result.Name);
            if (Options.Verbosity > Verbosity.Quiet || result.Status is TargetStatus.Failed or TargetStatus.Aborted)
            {
                var line = _masker.Apply(TargetStatusText.FinishedLine(result));
                WriteLineLocked(Ansi.Paint(line, Ansi.ForStatus(result.Status), Colors));
                foreach (var detail in TargetStatusText.FailureDetail(result))
                {
                    WriteLineLocked(_masker.Apply(detail));
                }
            }
        }
    }

    /// <inheritdoc/>
    public void ReportDiagnostic(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        WriteLine(diagnostic.Severity, CurrentTarget(), diagnostic.ToString());
    }

    /// <inheritdoc/>
    public void RegisterSecret(string secret) => _masker.Add(secret);

    /// <inheritdoc/>
    public void AppendSummary(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        lock (_gate)
        {
            _summaries.Add(markdown);
        }
    }

    /// <summary>Ends the live view (Spectre clears it).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            StopLiveLocked();
        }
    }

    private void WriteRaw(string text)
    {
        lock (_gate)
        {
            WriteLineLocked(text);
        }
    }

    private void WriteLineLocked(string text)
    {
        if (_live is not null)
        {
            WriteAboveLiveLocked(text);
        }
        else
        {
            _output.WriteLine(text);
        }
    }
}
