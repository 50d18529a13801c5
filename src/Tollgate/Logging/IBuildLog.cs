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
