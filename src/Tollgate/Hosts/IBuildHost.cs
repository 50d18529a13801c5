namespace Tollgate;

/// <summary>
/// Where the build's output goes: the terminal or a CI service. Everything reaching a host is already masked.
/// </summary>
public interface IBuildHost
{
    /// <summary>The host's name as given to <c>--host</c> (<c>terminal</c>, <c>github-actions</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Whether every line of child processes should reach this host even at normal verbosity, because the host folds
    /// them itself (GitHub Actions' <c>::group::</c>). A terminal shows one line per successful command instead.
    /// </summary>
    bool ShowsProcessOutput => false;

    /// <summary>Prints the logo/header line at start (unless <c>--no-logo</c>).</summary>
    void WriteLogo(string buildName);

    /// <summary>Writes one log line, from a target (when <paramref name="target"/> is set) or from the engine.</summary>
    void WriteLine(LogLevel level, string? target, string line);

    /// <summary>A target starts.</summary>
    void TargetStarted(string target);

    /// <summary>A target ended.</summary>
    void TargetFinished(TargetResult result);

    /// <summary>Reports a problem in a file.</summary>
    void ReportDiagnostic(Diagnostic diagnostic);

    /// <summary>Registers a secret with the host (GitHub Actions: <c>::add-mask::</c>).</summary>
    void RegisterSecret(string secret);

    /// <summary>Adds Markdown to the build's summary (GitHub Actions: $GITHUB_STEP_SUMMARY; terminal: ignored or printed).</summary>
    void AppendSummary(string markdown);

    /// <summary>Starts a progress bar a stage can advance.</summary>
    IBuildProgress StartProgress(string title, int total);

    /// <summary>Prints the end-of-build table, totals and the verdict.</summary>
    void WriteSummary(BuildReport report);
}
