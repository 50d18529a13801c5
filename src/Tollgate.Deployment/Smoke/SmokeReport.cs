using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Tollgate.Deployment.Smoke;

/// <summary>The results of a release's smoke checks.</summary>
/// <param name="BaseUrl">Where they ran.</param>
/// <param name="Results">One per check, in declaration order.</param>
public sealed record SmokeReport(Uri BaseUrl, ImmutableArray<SmokeResult> Results)
{
    /// <summary>A report of no checks.</summary>
    public static SmokeReport Empty(Uri baseUrl) => new(baseUrl, []);

    /// <summary>Whether every check passed.</summary>
    public bool Passed => Results.All(r => r.Passed);

    /// <summary>The failed checks as one line each (<c>POST /query: citations is empty</c>).</summary>
    public IEnumerable<string> Failures => Results.Where(r => !r.Passed).Select(r => $"{r.Check.Request}: {r.Message}");

    /// <summary>Check | Request | Status | Attempts | Result, for the summary.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder($"Smoke tests against {BaseUrl}:\n\n| Check | Request | HTTP | Attempts | Result |\n|---|---|---|---|---|\n");
        foreach (var result in Results)
        {
            var status = result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-";
            var outcome = (result.Passed ? "passed" : "FAILED: ") + (result.Passed ? string.Empty : result.Message.Replace("|", "\\|", StringComparison.Ordinal));
            text.Append(CultureInfo.InvariantCulture, $"| {result.Check.Name} | {result.Check.Request} | {status} | {result.Attempts} | {outcome} |\n");
        }

        return text.ToString();
    }
}
