using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Tollgate.Evaluation;

/// <summary>Reads typed values from YAML nodes of one file, raising <see cref="SuiteException"/> with file, line and field.</summary>
internal sealed class YamlReader(string file)
{
    public string File { get; } = file;

    /// <summary>The repository root that files the suite refers to must stay inside; <see langword="null"/> for no limit.</summary>
    public string? Root { get; init; }

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public SuiteException Error(YamlNode node, string field, string message) => new(At(node), field, message);

    public YamlMappingNode Mapping(YamlNode node, string field, IReadOnlyCollection<string> allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, field, $"expected a mapping (key: value lines), found {Describe(node)}");
        }

        foreach (var key in mapping.Children.Keys)
        {
            var name = KeyName(key, field);
            if (!allowedKeys.Contains(name))
            {
                var suggestion = NameSuggestions.Closest(name, allowedKeys);
                throw Error(key, $"{field}.{name}", $"unknown field '{name}'"
                    + (suggestion is null ? $"; valid fields: {string.Join(", ", allowedKeys)}" : $"; did you mean '{suggestion}'?"));
            }
        }

        return mapping;
    }

    /// <summary>The name of a mapping key; a complex key (<c>? [a, b]</c>, a list or mapping as key) is an error at its line.</summary>
    public string KeyName(YamlNode key, string field) => key is YamlScalarNode scalar
        ? scalar.Value ?? string.Empty
        : throw Error(key, field, $"a key must be a plain name, found {Describe(key)} as a key (a '? ' complex key); write the field as 'name: value'");

    public static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? String(YamlMappingNode mapping, string key, string field)
    {
        var node = Get(mapping, key);
        return node switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw Error(node, $"{field}.{key}", $"expected text, found {Describe(node)}"),
        };
    }

    public string RequiredString(YamlMappingNode mapping, string key, string field) =>
        String(mapping, key, field) is { Length: > 0 } value
            ? value
            : throw Error(mapping, $"{field}.{key}", $"'{key}' is required");

    public double? Double(YamlMappingNode mapping, string key, string field)
    {
        var text = String(mapping, key, field);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(Get(mapping, key)!, $"{field}.{key}", $"expected a number, found '{text}'");
    }

    public int? Int(YamlMappingNode mapping, string key, string field)
    {
        var text = String(mapping, key, field);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(Get(mapping, key)!, $"{field}.{key}", $"expected a whole number, found '{text}'");
    }

    public bool? Bool(YamlMappingNode mapping, string key, string field)
    {
        var text = String(mapping, key, field);
        return text switch
        {
            null => null,
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw Error(Get(mapping, key)!, $"{field}.{key}", $"expected true or false, found '{text}'"),
        };
    }

    public IReadOnlyList<string> Strings(YamlMappingNode mapping, string key, string field)
    {
        var node = Get(mapping, key);
        return node switch
        {
            null => [],
            YamlScalarNode scalar => scalar.Value is null ? [] : [scalar.Value],
            YamlSequenceNode sequence => [.. sequence.Children.Select((item, i) => item is YamlScalarNode s
                ? s.Value ?? string.Empty
                : throw Error(item, $"{field}.{key}[{i}]", $"expected text, found {Describe(item)}"))],
            _ => throw Error(node, $"{field}.{key}", $"expected a list of text, found {Describe(node)}"),
        };
    }

    public Dictionary<string, string> StringMap(YamlMappingNode mapping, string key, string field)
    {
        var node = Get(mapping, key);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlMappingNode map)
        {
            throw Error(node, $"{field}.{key}", $"expected a mapping, found {Describe(node)}");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var name = KeyName(k, $"{field}.{key}");
            result[name] = v switch
            {
                YamlScalarNode s => s.Value ?? string.Empty,
                _ => ToJson(v)?.ToJsonString() ?? string.Empty,
            };
        }

        return result;
    }

    /// <summary>Converts a YAML node to JSON (scalars that look like numbers or booleans become those).</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(kv.Key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : kv.Key.ToString(), ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is "true" or "false" => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when s.Value is "null" or "~" or "" or null => null,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => node.NodeType.ToString(),
    };
}
