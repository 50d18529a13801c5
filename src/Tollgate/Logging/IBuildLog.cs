namespace Tollgate;

/// <summary>
/// Writes log lines. Lines written while a target runs carry the target's prefix; secret values are masked before
/// anything reaches a host.
/// </summary>
public interface IBuildLog
{
    /// <summary>
    /// The build's one masker: stages register their secrets with it (<see cref="RegisterSecret"/>) and mask values with
    /// it before they encode them into files. <see langword="null"/> for a log without one (a test double).
    /// </summary>
    SecretMasker? Masker => null;

    /// <summary>Registers a secret with the build's masker (and the host, so it masks the value too).</summary>
    void RegisterSecret(string? secret) => Masker?.Add(secret);

    /// <summary>The target running on the current async flow, if the log knows it (names the output files of child processes).</summary>
    string? CurrentTarget => null;

    /// <summary>
    /// Writes one (masked) line a child process printed. The build's log shows these lines only at
    /// <c>--verbosity verbose</c> or on a host that folds them itself (GitHub Actions groups); otherwise a successful
    /// command is one line and its output is in its file under <c>.nuke/temp/logs</c>. A log without that policy (a test
    /// double) gets them as information.
    /// </summary>
    void WriteProcessOutput(string line) => Write(LogLevel.Information, line);

    /// <summary>Writes one message (may span lines) at a level.</summary>
    void Write(LogLevel level, string message);

    /// <summary>Writes a debug line.</summary>
    void Debug(string message) => Write(LogLevel.Debug, message);

    /// <summary>Writes an information line.</summary>
    void Information(string message) => Write(LogLevel.Information, message);

    /// <summary>Writes a warning line.</summary>
    void Warning(string message) => Write(LogLevel.Warning, message);

    /// <summary>Writes an error line.</summary>
    void Error(string message) => Write(LogLevel.Error, message);
}
