using System.Globalization;
using System.Xml.Linq;

namespace Tollgate.Evaluation;

/// <summary>JUnit XML: one testcase per case, a failure per failing check with its message.</summary>
public static class JUnitReport
{
    /// <summary>Renders the report.</summary>
    public static string Render(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = context.Run;
        var cases = run.Cases.Select(Case).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", context.Suite.Name),
            new XAttribute("tests", run.Cases.Count),
            new XAttribute("failures", run.Cases.Count(c => !c.Passed && c.Error is null)),
            new XAttribute("errors", run.Cases.Count(c => c.Error is not null && !c.Passed)),
            new XAttribute("time", run.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)),
            cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
        return document.Declaration + "\n" + document.Root + "\n";
    }

    private static XElement Case(CaseResult result)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", "llmeval"),
            new XAttribute("name", result.Id),
            new XAttribute("time", (result.LatencyMs / 1000).ToString("0.###", CultureInfo.InvariantCulture)));
        if (result.Passed)
        {
            return element;
        }

        if (result.Error is { } error)
        {
            element.Add(new XElement("error", new XAttribute("message", error), error));
            return element;
        }

        var failing = result.Attempts.SelectMany(a => a.Assertions.Where(x => !x.Permits).Select(x => $"attempt {a.Attempt}: {x.Type}: {x.Status}: {x.Reason}")).ToList();
        element.Add(new XElement("failure", new XAttribute("message", failing.FirstOrDefault() ?? "failed"), string.Join("\n", failing)));
        return element;
    }
}
