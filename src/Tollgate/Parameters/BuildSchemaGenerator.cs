using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate;

/// <summary>
/// Generates <c>.nuke/build.schema.json</c>, the JSON Schema (draft-07) that lets editors complete and check
/// <c>.nuke/parameters.json</c> and profile files: one property per parameter (type, enum values, description, default)
/// plus the engine's <c>Target</c>, <c>Skip</c>, <c>Verbosity</c> and <c>Host</c> (profiles are chosen on the command line).
/// </summary>
/// <remarks>
/// Output is deterministic: keys sorted ordinally, two-space indentation, <c>\n</c> newlines, a final newline. Secret
/// parameters are marked "(secret)" and never get a default. Path defaults are left out because they are absolute
/// paths of the machine that generated the file.
/// </remarks>
internal static class BuildSchemaGenerator
{
    /// <summary>The schema file under the root directory.</summary>
    public const string SchemaFile = ".nuke/build.schema.json";

    /// <summary>The host names <c>--host</c> accepts.</summary>
    public static IReadOnlyList<string> HostNames { get; } = ["github-actions", "terminal"];

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema text for a build's parameters and targets.</summary>
    public static string Generate(IReadOnlyList<ParameterDescriptor> descriptors, TargetGraph graph)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(graph);
        var targetNames = graph.Targets.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var properties = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            ["$schema"] = Sorted(("type", "string")),
            ["Host"] = Sorted(("description", "Where the build runs: the terminal or GitHub Actions (default: detected)."), ("enum", Strings(HostNames)), ("type", "string")),
            ["Skip"] = Sorted(("description", "Targets to skip."), ("items", TargetItems(targetNames)), ("type", "array")),
            ["Target"] = Sorted(("description", "Targets to run."), ("items", TargetItems(targetNames)), ("type", "array")),
            ["Verbosity"] = Sorted(("description", "How much the build prints."), ("enum", Strings(Enum.GetNames<Verbosity>())), ("type", "string")),
        };

        foreach (var descriptor in descriptors)
        {
            properties[descriptor.Name] = Describe(descriptor);
        }

        var schema = Sorted(
            ("$schema", "http://json-schema.org/draft-07/schema#"),
            ("additionalProperties", false),
            ("properties", Sorted([.. properties.Select(p => (p.Key, (object?)p.Value))])),
            ("title", "Build Schema"),
            ("type", "object"));
        return schema.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (creating its directory) unless the file already holds exactly that text.</summary>
    /// <returns>Whether the file was written.</returns>
    public static bool WriteIfChanged(AbsolutePath path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (path.FileExists() && File.ReadAllText(path, Encoding.UTF8) == text)
        {
            return false;
        }

        path.Parent.CreateDirectory();
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return true;
    }

    private static JsonObject Describe(ParameterDescriptor descriptor)
    {
        var description = (descriptor.Description ?? string.Empty).Trim();
        if (descriptor.IsSecret)
        {
            description = description.Length == 0 ? "(secret)" : description + " (secret)";
        }

        var elementType = ParameterValueConverter.GetElementType(descriptor.ValueType);
        var entries = new List<(string, object?)>();
        if (elementType is null)
        {
            entries.AddRange(TypeEntries(descriptor.ValueType));
        }
        else
        {
            entries.Add(("items", Sorted([.. TypeEntries(Nullable.GetUnderlyingType(elementType) ?? elementType)])));
            entries.Add(("type", "array"));
        }

        if (description.Length > 0)
        {
            entries.Add(("description", description));
        }

        if (!descriptor.IsSecret && DefaultNode(descriptor.DefaultValue) is { } defaultValue)
        {
            entries.Add(("default", defaultValue));
        }

        return Sorted([.. entries.OrderBy(e => e.Item1, StringComparer.Ordinal)]);
    }

    private static IEnumerable<(string, object?)> TypeEntries(Type type)
    {
        if (type == typeof(bool))
        {
            return [("type", "boolean")];
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return [("type", "integer")];
        }

        if (type == typeof(float) || type == typeof(double) || type == typeof(decimal))
        {
            return [("type", "number")];
        }

        if (type.IsEnum)
        {
            return [("enum", Strings(Enum.GetNames(type))), ("type", "string")];
        }

        return type == typeof(Uri) ? [("format", "uri"), ("type", "string")] : [("type", "string")];
    }

    private static JsonNode? DefaultNode(object? value) => value switch
    {
        null or AbsolutePath => null,
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        float number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        string text => JsonValue.Create(text),
        Enum or TimeSpan or Uri => JsonValue.Create(ParameterValueConverter.Format(value)),
        System.Collections.IEnumerable sequence => ArrayDefault(sequence),
        _ => null,
    };

    private static JsonArray? ArrayDefault(System.Collections.IEnumerable sequence)
    {
        var nodes = sequence.Cast<object?>().Select(DefaultNode).ToList();
        return nodes.Any(n => n is null) ? null : new JsonArray([.. nodes]);
    }

    private static JsonObject TargetItems(List<string> targetNames) => Sorted(("enum", Strings(targetNames)), ("type", "string"));

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static JsonObject Sorted(params (string Key, object? Value)[] entries)
    {
        var node = new JsonObject();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            node[key] = value switch
            {
                JsonNode json => json,
                string text => JsonValue.Create(text),
                bool flag => JsonValue.Create(flag),
                _ => throw new ArgumentException($"Unsupported schema value for '{key}'.", nameof(entries)),
            };
        }

        return node;
    }
}
