namespace Tollgate;

/// <summary>
/// A problem a stage found in a file (a lint error, a failing test, a vulnerability). Hosts show it as
/// <c>file:line: error: message</c> on a terminal and as an <c>::error file=,line=::</c> annotation on GitHub Actions.
/// </summary>
/// <param name="Severity">Error, Warning or Information.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
/// <param name="File">The file, relative to the root, if any.</param>
/// <param name="Line">The 1-based line, if known.</param>
/// <param name="Column">The 1-based column, if known.</param>
/// <param name="Code">A rule id such as <c>IDE0055</c> or <c>SC2086</c>.</param>
public sealed record Diagnostic(LogLevel Severity, string Message, string? File = null, int? Line = null, int? Column = null, string? Code = null)
{
    /// <summary>The diagnostic as <c>file:line:column: severity code: message</c>.</summary>
    public override string ToString()
    {
        var location = File is null ? string.Empty
            : Line is null ? $"{File}: "
            : Column is null ? $"{File}:{Line}: " : $"{File}:{Line}:{Column}: ";
        var severity = Severity switch
        {
            LogLevel.Error => "error",
            LogLevel.Warning => "warning",
            _ => "info",
        };
        var code = Code is null ? string.Empty : $" {Code}";
        return $"{location}{severity}{code}: {Message}";
    }
}
