using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tollgate.Evaluation;

/// <summary>
/// Loads a suite from YAML or JSON (cases may also come from a JSONL file) and validates it completely, so a bad suite
/// fails before any model call with the file, line, field and nearest valid name.
/// </summary>
public static partial class SuiteLoader
{
    private static readonly string[] SuiteKeys =
        ["name", "description", "provider", "judge", "default_assert", "tests", "gates", "prices", "concurrency"];

    /// <summary>Loads and validates the suite at <paramref name="path"/>.</summary>
    public static EvalSuite Load(string path) => Load(path, null);

    /// <summary>
    /// Loads and validates the suite at <paramref name="path"/>; the golden set and prompt files it refers to must be
    /// inside <paramref name="root"/> (the repository) when it is given.
    /// </summary>
    public static EvalSuite Load(string path, string? root)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new SuiteException(null, "suite", $"the suite file '{path}' does not exist; pass the path of an evals/*.yaml file");
        }

        var reader = new YamlReader(path) { Root = root };
        var document = ParseDocument(reader, ReadText(path, "suite"));
        var map = reader.Mapping(document, "suite", SuiteKeys);
        var name = reader.String(map, "name", "suite") ?? Path.GetFileNameWithoutExtension(path);
        var provider = ReadProvider(reader, YamlReader.Get(map, "provider") ?? throw reader.Error(map, "provider", "'provider' is required (type: http, openai or delegate)"), "provider");
        var judgeNode = YamlReader.Get(map, "judge");
        string? embeddingModel = null;
        var judge = judgeNode is null ? null : ReadJudge(reader, judgeNode, out embeddingModel);
        var defaults = ReadAssertions(reader, YamlReader.Get(map, "default_assert"), "default_assert");
        var cases = ReadTests(reader, YamlReader.Get(map, "tests"), path);
        var gates = ReadGates(reader, YamlReader.Get(map, "gates"));
        var suite = new EvalSuite(name, provider, cases)
        {
            SourcePath = path,
            Judge = judge,
            EmbeddingModel = embeddingModel,
            DefaultAssertions = defaults,
            Gates = gates,
            Prices = ReadPrices(reader, YamlReader.Get(map, "prices")),
            Concurrency = reader.Int(map, "concurrency", "suite"),
        };
        Validate(suite);
        return suite;
    }

    private static YamlNode ParseDocument(YamlReader reader, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var (line, column) = message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndent(text) is { } tab
                ? tab
                : ((int)e.Start.Line, (int)e.Start.Column);
            throw new SuiteException(new SourceLocation(reader.File, line, column), "yaml", $"malformed YAML: {message}"
                + (message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? "; indent with spaces, not tabs" : string.Empty));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections; locate the last good event.
            var (line, column) = LastGoodPosition(text);
            throw new SuiteException(new SourceLocation(reader.File, line, column), "yaml", "malformed YAML: an unterminated [ or { (a flow collection) starts here or just after; close it with ] or }, or quote the value if the bracket is text");
        }

        return stream.Documents.Count == 0
            ? throw new SuiteException(new SourceLocation(reader.File, 1, 1), "yaml", "the file is empty")
            : stream.Documents[0].RootNode;
    }

    // YamlDotNet reports a tab in the indentation at 1:1; the first line indented with a tab is where it is.
    private static (int Line, int Column)? FirstTabIndent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>Where the last well-formed YAML event of <paramref name="text"/> starts (1-based).</summary>
    internal static (int Line, int Column) LastGoodPosition(string text)
    {
        var parser = new Parser(new StringReader(text));
        var position = (Line: 1, Column: 1);
        try
        {
            while (parser.MoveNext())
            {
                position = ((int)parser.Current!.Start.Line, (int)parser.Current.Start.Column);
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The position of the last event parsed is the answer.
        }

        return position;
    }

    private static List<GateSpec> ReadGates(YamlReader reader, YamlNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            throw reader.Error(node, "gates", $"expected a list of gates (- metric: pass-rate, min: 0.9), found {YamlReader.Describe(node)}");
        }

        var gates = new List<GateSpec>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"gates[{i}]";
            var map = reader.Mapping(list.Children[i], field, ["metric", "min", "max", "runs_per_day"]);
            var metric = reader.RequiredString(map, "metric", field);
            if (!metric.StartsWith("score:", StringComparison.Ordinal) && !metric.StartsWith("pass-rate:", StringComparison.Ordinal) && !GateSpec.KnownMetrics.Contains(metric))
            {
                var suggestion = NameSuggestions.Closest(metric, GateSpec.KnownMetrics);
                throw reader.Error(YamlReader.Get(map, "metric")!, $"{field}.metric", $"unknown metric '{metric}'"
                    + (suggestion is null ? $"; use one of {string.Join(", ", GateSpec.KnownMetrics)} or score:<assertion metric>" : $"; did you mean '{suggestion}'?"));
            }

            var gate = new GateSpec(metric)
            {
                Min = reader.Double(map, "min", field),
                Max = reader.Double(map, "max", field),
                RunsPerDay = reader.Double(map, "runs_per_day", field) ?? 1,
                Location = reader.At(map),
            };
            if (gate.Min is null && gate.Max is null)
            {
                throw reader.Error(map, field, $"gate '{metric}' needs a 'min' or a 'max'");
            }

            gates.Add(gate);
        }

        return gates;
    }

    private static Dictionary<string, ModelPrice> ReadPrices(YamlReader reader, YamlNode? node)
    {
        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        if (node is null)
        {
            return prices;
        }

        if (node is not YamlMappingNode map)
        {
            throw reader.Error(node, "prices", "expected a mapping of model: { input: USD per million, output: USD per million }");
        }

        foreach (var (key, value) in map.Children)
        {
            var model = ((YamlScalarNode)key).Value ?? string.Empty;
            var field = $"prices.{model}";
            var entry = reader.Mapping(value, field, ["input", "output"]);
            prices[model] = new ModelPrice(reader.Double(entry, "input", field) ?? 0, reader.Double(entry, "output", field) ?? 0);
        }

        return prices;
    }
}
