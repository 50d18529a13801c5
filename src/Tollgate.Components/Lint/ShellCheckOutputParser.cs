using System.Text.Json;

namespace Tollgate.Components.Lint;

/// <summary>
/// Reads <c>shellcheck -f json1</c> output: <c>{"comments": [{"file", "line", "column", "level", "code", "message"}]}</c>.
/// Levels <c>error</c> and <c>warning</c> become errors (they are real bugs: unquoted expansions, unchecked <c>cd</c>),
/// <c>info</c> and <c>style</c> become information.
/// </summary>
internal static class ShellCheckOutputParser
{
    /// <summary>Parses the output.</summary>
    /// <param name="json">shellcheck's standard output.</param>
    /// <param name="rootDirectory">Paths in the diagnostics are relative to it.</param>
    /// <exception cref="TollgateException">The output is not shellcheck json1.</exception>
    public static IReadOnlyList<Diagnostic> Parse(string json, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("comments", out var comments) || comments.ValueKind != JsonValueKind.Array)
            {
                throw new TollgateException("shellcheck output has no 'comments' array; run it with '-f json1'.");
            }

            return [.. comments.EnumerateArray().Select(comment => ToDiagnostic(comment, rootDirectory))];
        }
        catch (JsonException exception)
        {
            throw new TollgateException($"shellcheck output is not JSON; run it with '-f json1'. {exception.Message}", exception);
        }
    }

    private static Diagnostic ToDiagnostic(JsonElement comment, string rootDirectory)
    {
        var file = comment.TryGetProperty("file", out var f) ? f.GetString() : null;
        if (file is not null)
        {
            file = Path.IsPathRooted(file) ? LintFiles.Relative(rootDirectory, file) : file.Replace('\\', '/');
        }

        var level = comment.TryGetProperty("level", out var l) ? l.GetString() : null;
        var code = comment.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? $"SC{c.GetInt32()}" : null;
        var message = comment.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
        var line = comment.TryGetProperty("line", out var ln) && ln.ValueKind == JsonValueKind.Number ? ln.GetInt32() : (int?)null;
        var column = comment.TryGetProperty("column", out var col) && col.ValueKind == JsonValueKind.Number ? col.GetInt32() : (int?)null;
        var severity = level is "error" or "warning" ? LogLevel.Error : LogLevel.Information;
        var wiki = code is null ? string.Empty : $" (https://www.shellcheck.net/wiki/{code})";
        return new Diagnostic(severity, message + wiki, file, line, column, code);
    }
}
