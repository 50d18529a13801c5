using System.Globalization;
using System.Xml.Linq;

namespace Tollgate.Components.Testing;

/// <summary>
/// Converts TRX results to JUnit XML (the format CI services and test-report actions read), because no JUnit logger
/// package for <c>dotnet test</c> is available here. One <c>&lt;testsuite&gt;</c> per test class, one
/// <c>&lt;testcase&gt;</c> per test case, with <c>&lt;failure message="first line"&gt;</c> (message and stack trace) or
/// <c>&lt;skipped&gt;</c>; times in seconds.
/// </summary>
internal static class TrxToJUnitConverter
{
    /// <summary>Converts a report to a JUnit XML document.</summary>
    /// <param name="report">The TRX results.</param>
    /// <param name="suitesName">The <c>&lt;testsuites name&gt;</c>, usually the test project's name.</param>
    public static XDocument Convert(TrxReport report, string suitesName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suites = report.Results
            .GroupBy(r => r.ClassName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(Suite)
            .ToList();
        var root = new XElement(
            "testsuites",
            new XAttribute("name", suitesName),
            Counts(report.Results),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>Reads a TRX file and writes the JUnit XML file next to or anywhere else.</summary>
    /// <returns>The report that was converted.</returns>
    public static TrxReport ConvertFile(string trxPath, string junitPath, string suitesName)
    {
        var report = TrxReader.Read(trxPath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(junitPath))!);
        Convert(report, suitesName).Save(junitPath);
        return report;
    }

    private static XElement Suite(IGrouping<string, TrxTestResult> group) => new(
        "testsuite",
        new XAttribute("name", group.Key.Length == 0 ? "(no class)" : group.Key),
        Counts([.. group]),
        group.Select(Case));

    private static XElement Case(TrxTestResult result)
    {
        var prefix = result.ClassName + ".";
        var name = result.ClassName.Length > 0 && result.Name.StartsWith(prefix, StringComparison.Ordinal) ? result.Name[prefix.Length..] : result.Name;
        var element = new XElement(
            "testcase",
            new XAttribute("name", name),
            new XAttribute("classname", result.ClassName),
            new XAttribute("time", Seconds(result.Duration)));
        switch (result.Outcome)
        {
            case TestOutcome.Failed:
                var body = string.Join('\n', new[] { result.Message, result.StackTrace }.Where(t => !string.IsNullOrEmpty(t)));
                element.Add(new XElement("failure", new XAttribute("message", result.FirstMessageLine), new XAttribute("type", "failure"), body));
                break;
            case TestOutcome.Skipped:
                element.Add(new XElement("skipped", result.Message is null ? null : new XAttribute("message", result.FirstMessageLine)));
                break;
            default:
                break;
        }

        return element;
    }

    private static XAttribute[] Counts(IReadOnlyCollection<TrxTestResult> results) =>
    [
        new("tests", results.Count),
        new("failures", results.Count(r => r.Outcome == TestOutcome.Failed)),
        new("errors", 0),
        new("skipped", results.Count(r => r.Outcome == TestOutcome.Skipped)),
        new("time", Seconds(TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks)))),
    ];

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);
}
