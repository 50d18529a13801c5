using YamlDotNet.RepresentationModel;

namespace Tollgate.Evaluation;

public static partial class SuiteLoader
{
    private static readonly string[] CaseKeys =
    [
        "id", "description", "vars", "input", "expected", "reference", "context", "expected_document_ids",
        "expected_keywords", "tags", "assert",
    ];

    private static readonly string[] AssertionKeys =
        ["type", "value", "threshold", "weight", "required", "k", "metric", "steps"];

    /// <summary>Loads cases from a YAML or JSON list, or a JSONL file (one case per line).</summary>
    public static IReadOnlyList<EvalCase> LoadCases(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadCases(path, null);
    }

    private static List<EvalCase> LoadCases(string path, string? root)
    {
        if (!File.Exists(path))
        {
            throw new SuiteException(null, "tests", $"the cases file '{path}' does not exist");
        }

        var reader = new YamlReader(path) { Root = root };
        var text = ReadText(path, "tests");
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var cases = new List<EvalCase>();
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!string.IsNullOrWhiteSpace(lines[i]))
                {
                    // Pad with newlines so YAML positions are the file's line numbers.
                    var node = ParseLine(reader, lines[i], i + 1);
                    cases.Add(ReadCase(reader, node, $"tests[{cases.Count}]", cases.Count));
                }
            }

            return cases;
        }

        var document = ParseDocument(reader, text);
        return document is YamlSequenceNode list
            ? [.. list.Children.Select((node, i) => ReadCase(reader, node, $"tests[{i}]", i))]
            : throw reader.Error(document, "tests", $"expected a list of cases, found {YamlReader.Describe(document)}");
    }

    // One JSONL line, padded with newlines so YAML positions are the file's; an error found at the end of the line (YamlDotNet
    // reports it on the next line) is put back on the line itself.
    private static YamlNode ParseLine(YamlReader reader, string line, int number)
    {
        try
        {
            return ParseDocument(reader, new string('\n', number - 1) + line);
        }
        catch (SuiteException e) when (e.Location is { } at && at.Line > number)
        {
            var detail = e.Message[Math.Min(e.Message.Length, $"{at}: {e.Field}: ".Length)..];
            throw new SuiteException(at with { Line = number, Column = line.Length + 1 }, e.Field, detail);
        }
    }

    private static List<EvalCase> ReadTests(YamlReader reader, YamlNode? node, string suitePath)
    {
        switch (node)
        {
            case null:
                throw new SuiteException(new SourceLocation(reader.File, 1, 1), "tests", "'tests' is required: a list of cases or file://cases.yaml");
            case YamlScalarNode { Value: { } reference } when reference.StartsWith("file://", StringComparison.Ordinal):
                var file = Referenced(reader, node, "tests", reference);
                if (!File.Exists(file))
                {
                    throw reader.Error(node, "tests", $"the cases file '{file}' does not exist");
                }

                return [.. LoadCases(file, reader.Root)];
            case YamlSequenceNode list:
                return [.. list.Children.Select((item, i) => ReadCase(reader, item, $"tests[{i}]", i))];
            default:
                throw reader.Error(node, "tests", $"expected a list of cases or file://<path>, found {YamlReader.Describe(node)}");
        }
    }

    private static EvalCase ReadCase(YamlReader reader, YamlNode node, string field, int index)
    {
        var map = reader.Mapping(node, field, CaseKeys);

        // A position-based id would change when a case is inserted, so the baseline, the progress file and --eval-cases
        // would silently match another case: every case names itself.
        var id = reader.String(map, "id", field) ?? throw reader.Error(map, $"{field}.id",
            $"case {index + 1} has no 'id'; give every case a stable, unique id (for example 'id: pricing-team-seat'): the baseline, the reports and --eval-cases name cases by it");
        return new EvalCase(id)
        {
            Vars = reader.StringMap(map, "vars", field),
            Input = reader.String(map, "input", field),
            Expected = reader.String(map, "expected", field),
            Reference = reader.String(map, "reference", field),
            Context = reader.Strings(map, "context", field),
            ExpectedDocumentIds = reader.Strings(map, "expected_document_ids", field),
            ExpectedKeywords = reader.Strings(map, "expected_keywords", field),
            Tags = reader.Strings(map, "tags", field),
            Assertions = ReadAssertions(reader, YamlReader.Get(map, "assert"), $"{field}.assert"),
            Location = reader.At(map),
        };
    }

    private static List<AssertionSpec> ReadAssertions(YamlReader reader, YamlNode? node, string field)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            throw reader.Error(node, field, $"expected a list of assertions (- type: icontains), found {YamlReader.Describe(node)}");
        }

        var result = new List<AssertionSpec>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemField = $"{field}[{i}]";
            var map = reader.Mapping(list.Children[i], itemField, AssertionKeys);
            var written = reader.RequiredString(map, "type", itemField);
            if (AssertionTypes.Normalize(written) is not { } normalized)
            {
                var suggestion = NameSuggestions.Closest(written, AssertionTypes.All);
                throw reader.Error(YamlReader.Get(map, "type")!, $"{itemField}.type", $"unknown assertion type '{written}'"
                    + (suggestion is null ? "; see AssertionTypes.All for the list" : $"; did you mean '{suggestion}'?"));
            }

            var valueNode = YamlReader.Get(map, "value");
            var spec = new AssertionSpec(normalized.Type)
            {
                Value = valueNode is YamlScalarNode s ? s.Value : null,
                Values = valueNode is YamlSequenceNode ? reader.Strings(map, "value", itemField) : reader.Strings(map, "steps", itemField),
                Schema = valueNode is YamlMappingNode ? YamlReader.ToJson(valueNode)?.ToJsonString() : null,
                Threshold = reader.Double(map, "threshold", itemField),
                Weight = reader.Double(map, "weight", itemField) ?? 1,
                Required = reader.Bool(map, "required", itemField) ?? true,
                K = reader.Int(map, "k", itemField) ?? normalized.K,
                Metric = reader.String(map, "metric", itemField),
                Location = reader.At(map),
            };
            CheckAssertion(reader, map, itemField, spec);
            result.Add(spec.BaseType == AssertionTypes.Evaluator ? WithEvaluator(reader, map, itemField, spec) : spec);
        }

        return result;
    }

    private static AssertionSpec WithEvaluator(YamlReader reader, YamlMappingNode map, string field, AssertionSpec spec)
    {
        var (evaluator, problem) = EvaluatorCheck.Create(spec.Value!);
        if (evaluator is null)
        {
            throw reader.Error(YamlReader.Get(map, "value") ?? map, $"{field}.value", problem!);
        }

        return spec with { Evaluator = evaluator, Metric = spec.Metric ?? evaluator.EvaluationMetricNames.FirstOrDefault() };
    }

    private static void CheckAssertion(YamlReader reader, YamlMappingNode map, string field, AssertionSpec spec)
    {
        if (spec.BaseType.EndsWith("@k", StringComparison.Ordinal) && spec.K is not > 0)
        {
            throw reader.Error(map, $"{field}.k", $"'{spec.Type}' needs a positive k (write {spec.BaseType[..^1]}5 or k: 5)");
        }

        if (spec.Weight < 0)
        {
            throw reader.Error(YamlReader.Get(map, "weight")!, $"{field}.weight", "weight must not be negative");
        }

        var needsValue = spec.BaseType is "equals" or "contains" or "icontains" or "starts-with" or "regex"
            or "levenshtein" or "latency" or "cost" or "tokens" or "llm-rubric" or "g-eval" or "context-tokens" or AssertionTypes.Evaluator;
        if (needsValue && spec.Value is null)
        {
            throw reader.Error(map, $"{field}.value", $"'{spec.Type}' needs a 'value'");
        }

        if (spec.BaseType == "json-schema" && spec.Schema is null)
        {
            throw reader.Error(map, $"{field}.value", "'json-schema' needs a schema mapping as its 'value'");
        }

        if (spec.BaseType == "json-schema" && JsonSchemaCheck.SchemaProblems(spec.Schema!) is { Count: > 0 } problems)
        {
            throw reader.Error(
                YamlReader.Get(map, "value") ?? map,
                $"{field}.value",
                $"the JSON Schema is not valid draft 2020-12: {string.Join("; ", problems.Take(3))}. Fix the schema (https://json-schema.org/draft/2020-12) or check it with a validator");
        }

        if (spec.BaseType == "regex")
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(spec.Value!, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw reader.Error(YamlReader.Get(map, "value")!, $"{field}.value", $"invalid regular expression: {e.Message}");
            }
        }
    }
}
