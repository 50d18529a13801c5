namespace Tollgate;

/// <summary>
/// The few ANSI sequences the terminal host writes itself. Log lines are written directly rather than through
/// Spectre.Console's renderer because that renderer wraps text at the console width, which would break long lines
/// (paths, commands) in copy-paste and in redirected logs.
/// </summary>
internal static class Ansi
{
    /// <summary>Carriage return, then erase the whole line: removes the status line before a log line is written.</summary>
    public const string EraseLine = "\r\u001b[2K";

    public const string Dim = "2";
    public const string Bold = "1";
    public const string Red = "31";
    public const string Green = "32";
    public const string Yellow = "33";
    public const string Cyan = "36";

    /// <summary>The text wrapped in an SGR colour sequence, or unchanged when colours are off.</summary>
    public static string Paint(string text, string? code, bool colors) =>
        !colors || code is null || text.Length == 0 ? text : $"\u001b[{code}m{text}\u001b[0m";

    /// <summary>The colour of a log level.</summary>
    public static string? ForLevel(LogLevel level) => level switch
    {
        LogLevel.Debug => Dim,
        LogLevel.Warning => Yellow,
        LogLevel.Error => Red,
        _ => null,
    };

    /// <summary>The colour of a target status.</summary>
    public static string ForStatus(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded or TargetStatus.UpToDate or TargetStatus.Collective => Green,
        TargetStatus.Failed or TargetStatus.Aborted => Red,
        _ => Dim,
    };
}
