using System.Globalization;
using System.Text;

namespace Tollgate;

/// <summary>GitHub Actions workflow commands (<c>::group::</c>, <c>::error ...::</c>, <c>::add-mask::</c>) with GitHub's escaping.</summary>
internal static class GitHubCommands
{
    /// <summary>Escapes a command's message: <c>%</c> → <c>%25</c>, CR → <c>%0D</c>, LF → <c>%0A</c>.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a property value: like <see cref="EscapeData"/>, plus <c>:</c> → <c>%3A</c> and <c>,</c> → <c>%2C</c>.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary><c>::group::name</c>: starts a collapsible section of the log.</summary>
    public static string Group(string name) => "::group::" + EscapeData(name);

    /// <summary><c>::endgroup::</c>: ends the section.</summary>
    public static string EndGroup => "::endgroup::";

    /// <summary><c>::add-mask::value</c>: GitHub replaces the value with <c>***</c> in the rest of the job's log.</summary>
    public static string AddMask(string value) => "::add-mask::" + EscapeData(value);

    /// <summary>
    /// <c>::error file=F,line=L,col=C,title=CODE::message</c> (or <c>::warning</c>, <c>::notice</c>): an annotation shown on
    /// the run and on the pull request's diff.
    /// </summary>
    public static string Annotation(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var properties = new List<string>();
        if (diagnostic.File is not null)
        {
            properties.Add("file=" + EscapeProperty(diagnostic.File.Replace('\\', '/')));
        }

        if (diagnostic.Line is { } line)
        {
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={line}"));
        }

        if (diagnostic.Column is { } column)
        {
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={column}"));
        }

        if (diagnostic.Code is not null)
        {
            properties.Add("title=" + EscapeProperty(diagnostic.Code));
        }

        return Annotation(diagnostic.Severity, properties, diagnostic.Message);
    }

    /// <summary>An annotation without a file: <c>::error title=T::message</c>.</summary>
    public static string Annotation(LogLevel severity, string? title, string message) =>
        Annotation(severity, title is null ? [] : ["title=" + EscapeProperty(title)], message);

    private static string Annotation(LogLevel severity, List<string> properties, string message)
    {
        var command = severity switch
        {
            LogLevel.Error => "error",
            LogLevel.Warning => "warning",
            _ => "notice",
        };
        var builder = new StringBuilder("::").Append(command);
        if (properties.Count > 0)
        {
            builder.Append(' ').AppendJoin(',', properties);
        }

        return builder.Append("::").Append(EscapeData(message)).ToString();
    }
}
