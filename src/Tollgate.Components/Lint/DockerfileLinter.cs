using Tollgate.Security;
using Tollgate.Security.Dockerfiles;

namespace Tollgate.Components.Lint;

/// <summary>
/// The Lint stage's view of the Dockerfile rules in <see cref="DockerfileRules"/> (one home, shared with the Scan
/// stage): the hygiene rules DF001-DF005, high severity as errors and the rest as warnings. The Scan stage adds the
/// security-only rules (pipe to shell, missing HEALTHCHECK) and gates them by severity.
/// <list type="bullet">
/// <item><c>DF001</c> (warning): a base image without a tag or with <c>:latest</c>.</item>
/// <item><c>DF002</c> (error): the final stage has no <c>USER</c>, or switches to root.</item>
/// <item><c>DF003</c> (error): <c>ADD</c> of a URL.</item>
/// <item><c>DF004</c> (error): <c>ENV</c>/<c>ARG</c> that sets a secret-looking name to a value.</item>
/// <item><c>DF005</c> (warning): <c>apt-get install</c> without <c>--no-install-recommends</c>.</item>
/// </list>
/// </summary>
internal static class DockerfileLinter
{
    private static readonly HashSet<string> LintRules = new(StringComparer.Ordinal) { "DF001", "DF002", "DF003", "DF004", "DF005" };

    /// <summary>Lints the text of a Dockerfile.</summary>
    /// <param name="text">The Dockerfile.</param>
    /// <param name="displayPath">The file the diagnostics name.</param>
    public static IReadOnlyList<Diagnostic> Lint(string text, string displayPath) =>
        [.. DockerfileRules.Check(text)
            .Where(i => LintRules.Contains(i.Rule.Id))
            .Select(i => new Diagnostic(i.Rule.Severity >= Severity.High ? LogLevel.Error : LogLevel.Warning, i.Message, displayPath, i.Line, null, i.Rule.Id))];
}
