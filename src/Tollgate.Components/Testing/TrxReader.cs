using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Tollgate.Components.Testing;

/// <summary>Reads TRX files, the test results <c>dotnet test --logger trx</c> writes.</summary>
internal static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads a TRX file.</summary>
    /// <exception cref="TollgateException">The file is not a TRX file.</exception>
    public static TrxReport Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses TRX text.</summary>
    /// <param name="xml">The TRX document.</param>
    /// <param name="origin">Where it came from, for messages.</param>
    /// <exception cref="TollgateException">The text is not a TRX document.</exception>
    public static TrxReport Parse(string xml, string origin = "TRX text")
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException exception)
        {
            throw new TollgateException($"{origin} is not valid XML (line {exception.LineNumber}): {exception.Message}", exception);
        }

        var run = document.Root;
        if (run is null || run.Name != Ns + "TestRun")
        {
            throw new TollgateException($"{origin} is not a TRX file: the root element is '{run?.Name.LocalName}', expected 'TestRun'. Was it written by 'dotnet test --logger trx'?");
        }

        var classes = run.Descendants(Ns + "UnitTest").ToDictionary(
            t => (string?)t.Attribute("id") ?? string.Empty,
            t => (string?)t.Element(Ns + "TestMethod")?.Attribute("className") ?? string.Empty,
            StringComparer.Ordinal);

        var results = run.Descendants(Ns + "UnitTestResult").Select(r =>
        {
            var name = (string?)r.Attribute("testName") ?? "(unnamed)";
            var className = classes.TryGetValue((string?)r.Attribute("testId") ?? string.Empty, out var c) && c.Length > 0 ? c : ClassFromName(name);
            var error = r.Element(Ns + "Output")?.Element(Ns + "ErrorInfo");
            return new TrxTestResult(
                name,
                className,
                Outcome((string?)r.Attribute("outcome")),
                TimeSpan.TryParse((string?)r.Attribute("duration"), CultureInfo.InvariantCulture, out var duration) ? duration : TimeSpan.Zero,
                (string?)error?.Element(Ns + "Message"),
                (string?)error?.Element(Ns + "StackTrace"));
        }).ToList();

        return new TrxReport((string?)run.Attribute("name") ?? string.Empty, results);
    }

    private static TestOutcome Outcome(string? outcome) => outcome switch
    {
        "Passed" or "PassedButRunAborted" or "Warning" => TestOutcome.Passed,
        "NotExecuted" or "Inconclusive" or "NotRunnable" or "Pending" or "Disconnected" => TestOutcome.Skipped,
        _ => TestOutcome.Failed,
    };

    private static string ClassFromName(string name)
    {
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var plain = paren < 0 ? name : name[..paren];
        var dot = plain.LastIndexOf('.');
        return dot < 0 ? string.Empty : plain[..dot];
    }
}
