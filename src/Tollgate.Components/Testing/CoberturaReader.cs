using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Tollgate.Components.Testing;

/// <summary>Reads Cobertura coverage XML (what coverlet writes) into per-line hit counts.</summary>
internal static class CoberturaReader
{
    /// <summary>Reads a Cobertura file.</summary>
    /// <exception cref="TollgateException">The file is not Cobertura XML.</exception>
    public static IReadOnlyList<CoveredLine> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses Cobertura XML: every <c>class/lines/line</c> with its package (the assembly), file, number and hits.</summary>
    /// <exception cref="TollgateException">The text is not Cobertura XML.</exception>
    public static IReadOnlyList<CoveredLine> Parse(string xml, string origin = "Cobertura text")
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

        if (document.Root?.Name.LocalName != "coverage")
        {
            throw new TollgateException($"{origin} is not Cobertura XML: the root element is '{document.Root?.Name.LocalName}', expected 'coverage'.");
        }

        // coverlet names files relative to a <source> root that differs between reports (/repo/ in one, /repo/src/ in
        // another); resolving them makes the same file from two test projects merge instead of counting twice.
        var sources = document.Root.Descendants("source").Select(s => s.Value.Trim()).Where(s => s.Length > 0).ToList();
        var lines = new List<CoveredLine>();
        foreach (var package in document.Root.Descendants("package"))
        {
            var packageName = (string?)package.Attribute("name") ?? string.Empty;
            foreach (var @class in package.Descendants("class"))
            {
                var file = Resolve((string?)@class.Attribute("filename") ?? string.Empty, sources);
                if (IsGenerated(file))
                {
                    continue;
                }

                // Class-level <lines> hold every line once; method-level <lines> repeat them.
                foreach (var line in @class.Elements("lines").Elements("line"))
                {
                    if (int.TryParse((string?)line.Attribute("number"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                        && long.TryParse((string?)line.Attribute("hits"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var hits))
                    {
                        lines.Add(new CoveredLine(packageName, file, number, hits));
                    }
                }
            }
        }

        return lines;
    }

    /// <summary>
    /// Source generators (regex, JSON, logging) write their output under obj/ as *.g.cs; coverlet reports it like
    /// hand-written code, so one [GeneratedRegex] could weigh hundreds of lines no test is meant to reach.
    /// </summary>
    private static bool IsGenerated(string file) =>
        file.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
        || file.Replace('\\', '/').Contains("/obj/", StringComparison.Ordinal);

    private static string Resolve(string file, List<string> sources)
    {
        if (file.Length == 0 || Path.IsPathRooted(file) || sources.Count == 0)
        {
            return file;
        }

        var candidates = sources.Select(source => Path.GetFullPath(Path.Combine(source, file))).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates[0];
    }
}

/// <summary>One coverable line and how often it ran.</summary>
/// <param name="Project">The package (assembly) it belongs to.</param>
/// <param name="File">The source file as the report names it.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Hits">How often it ran; 0 means not covered.</param>
public sealed record CoveredLine(string Project, string File, int Line, long Hits);
