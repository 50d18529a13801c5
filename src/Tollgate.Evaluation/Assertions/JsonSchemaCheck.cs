using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Tollgate.Evaluation;

/// <summary>
/// The <c>json-schema</c> assertion on JsonSchema.Net: full JSON Schema draft 2020-12 (the default dialect; a schema's
/// <c>$schema</c> may name draft 7 or 2019-09), including <c>$ref</c>/<c>$defs</c>, <c>anyOf</c>/<c>oneOf</c>/<c>allOf</c>/
/// <c>not</c>, <c>const</c>, <c>if</c>/<c>then</c>/<c>else</c> and <c>unevaluatedProperties</c>. References to other
/// documents are not fetched.
/// </summary>
internal static class JsonSchemaCheck
{
    private const int MaxReportedErrors = 4;

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>
    /// What is wrong with a schema itself, checked against the draft 2020-12 meta-schema (an empty list when it is valid).
    /// Suites call it when they load, so a typo such as <c>"type": "strng"</c> stops the run instead of passing everything.
    /// </summary>
    public static IReadOnlyList<string> SchemaProblems(string schemaText)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(schemaText);
        }
        catch (JsonException e)
        {
            return [$"not JSON: {e.Message}"];
        }

        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        if (kind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            return [$"a schema is an object or a boolean, found {kind.ToString().ToLowerInvariant()}"];
        }

        var problems = Describe(MetaSchemas.Draft202012.Evaluate(node, Options));
        if (problems.Count > 0)
        {
            return problems;
        }

        try
        {
            _ = JsonSchema.FromText(schemaText);
            return [];
        }
        catch (JsonException e)
        {
            return [e.Message];
        }
    }

    /// <summary>Checks <paramref name="output"/> (JSON text) against <paramref name="schemaText"/>.</summary>
    internal static CheckOutcome Evaluate(string output, string schemaText)
    {
        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(output);
        }
        catch (JsonException e)
        {
            return CheckOutcome.Of(false, 0, $"not JSON: {e.Message}");
        }

        var results = JsonSchema.FromText(schemaText).Evaluate(instance, Options);
        if (results.IsValid)
        {
            return CheckOutcome.Of(true, 1, "matches the schema");
        }

        var problems = Describe(results);
        var shown = string.Join("; ", problems.Take(MaxReportedErrors));
        var more = problems.Count > MaxReportedErrors ? $" (and {problems.Count - MaxReportedErrors} more)" : string.Empty;
        return CheckOutcome.Of(false, 0, shown + more);
    }

    // The list output holds one entry per evaluated schema location; the failing ones carry the messages. Deeper
    // instance locations come first: "$/amount: must be greater than 0" says more than "$: no oneOf branch matched".
    private static List<string> Describe(EvaluationResults results)
    {
        if (results.IsValid)
        {
            return [];
        }

        var entries = results.HasDetails ? results.Details : [results];
        var problems = entries
            .Where(entry => !entry.IsValid && entry.HasErrors)
            .OrderByDescending(entry => entry.InstanceLocation.Count)
            .SelectMany(entry => entry.Errors!.Select(error => $"{Location(entry)}: {error.Value} ('{Keyword(entry, error.Key)}' at schema #{entry.EvaluationPath})"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return problems.Count > 0 ? problems : ["does not match the schema"];
    }

    // A false subschema (additionalProperties: false, unevaluatedProperties: false) reports an empty keyword.
    private static string Keyword(EvaluationResults entry, string key) =>
        key.Length > 0 ? key : entry.EvaluationPath.Count > 0 ? entry.EvaluationPath[^1] : "false";

    private static string Location(EvaluationResults entry)
    {
        var pointer = entry.InstanceLocation.ToString();
        return pointer.Length == 0 ? "$" : "$" + pointer;
    }
}
