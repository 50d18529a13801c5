using System.Globalization;
using System.Xml;

namespace Tollgate.Evaluation;

/// <summary>JUnit XML: one testcase per case, a failure per failing check with its message.</summary>
internal static class JUnitReport
{
    /// <summary>Renders the report.</summary>
    public static string Render(ReportContext context)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(context, writer);
        return writer.ToString();
    }

    /// <summary>Writes the report to <paramref name="output"/> as it goes.</summary>
    public static void Write(ReportContext context, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = context.Run;
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", context.Suite.Name);
        xml.WriteAttributeString("tests", Invariant(run.Cases.Count));
        xml.WriteAttributeString("failures", Invariant(run.Cases.Count(c => !c.Passed && c.Error is null)));
        xml.WriteAttributeString("errors", Invariant(run.Cases.Count(c => c.Error is not null && !c.Passed)));
        xml.WriteAttributeString("time", run.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        Properties(xml, run);
        foreach (var result in run.Cases)
        {
            Case(xml, result);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The run's call counts as testsuite properties (as in the log line and results.json), for CI dashboards.</summary>
    private static void Properties(XmlWriter xml, EvalRunResult run)
    {
        xml.WriteStartElement("properties");
        foreach (var (name, value) in new[]
        {
            ("llmeval.model-calls.replayed", run.ModelCallsReplayed),
            ("llmeval.model-calls.sent-to-provider", run.ModelCallsForwarded),
            ("llmeval.model-calls.missed", run.ModelCallsMissed),
            ("llmeval.judge-calls.made", run.JudgeCallsForwarded),
            ("llmeval.judge-calls.cached", run.JudgeCallsReplayed),
            ("llmeval.judge-calls.not-run", run.JudgeCallsMissed),
            ("llmeval.cache.hits", run.CacheHits),
            ("llmeval.cache.misses", run.CacheMisses),
        })
        {
            xml.WriteStartElement("property");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("value", Invariant(value));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Case(XmlWriter xml, CaseResult result)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", "llmeval");
        xml.WriteAttributeString("name", result.Id);
        xml.WriteAttributeString("time", (result.LatencyMs / 1000).ToString("0.###", CultureInfo.InvariantCulture));
        if (!result.Passed && result.Error is { } error)
        {
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", error);
            xml.WriteString(error);
            xml.WriteEndElement();
        }
        else if (!result.Passed)
        {
            var failing = result.Attempts.SelectMany(a => a.Assertions.Where(x => !x.Permits).Select(x => $"attempt {a.Attempt}: {x.Type}: {x.Status}: {x.Reason}")).ToList();
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", failing.FirstOrDefault() ?? "too few attempts passed");
            xml.WriteString(string.Join("\n", failing));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
