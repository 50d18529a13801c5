using System.Text.RegularExpressions;

namespace Tollgate.Components.Testing;

/// <summary>Finds where a failed test failed: the first stack frame in a source file under the root.</summary>
public static partial class FailureLocation
{
    /// <summary>A diagnostic for a failed test, at the file:line of its first frame under the root when there is one.</summary>
    public static Diagnostic ToDiagnostic(string project, TrxTestResult test, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(test);
        var root = Path.GetFullPath(rootDirectory);
        foreach (Match match in Frame().Matches(test.StackTrace ?? string.Empty))
        {
            var file = match.Groups["file"].Value.Trim();
            var relative = Path.GetRelativePath(root, file);
            if (Path.IsPathRooted(file) && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return new Diagnostic(LogLevel.Error, $"{test.Name} failed: {test.FirstMessageLine}", relative.Replace('\\', '/'), int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Code: project);
            }
        }

        return new Diagnostic(LogLevel.Error, $"{test.Name} failed: {test.FirstMessageLine}", Code: project);
    }

    [GeneratedRegex(@" in (?<file>.+?):line (?<line>\d+)")]
    private static partial Regex Frame();
}
