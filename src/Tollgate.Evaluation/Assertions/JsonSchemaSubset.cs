using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tollgate.Evaluation;

/// <summary>
/// Validates JSON against the common subset of JSON Schema: type, properties, required, enum, items, minimum/maximum,
/// minLength/maxLength, minItems/maxItems, pattern and additionalProperties.
/// </summary>
public static class JsonSchemaSubset
{
    /// <summary>The first violation as "path: problem", or <see langword="null"/> when valid.</summary>
    public static string? Validate(JsonElement value, JsonElement schema, string path = "$")
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(value, type))
        {
            return $"{path}: expected {type.GetRawText()}, found {Kind(value)}";
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            return $"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}";
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => ValidateObject(value, schema, path),
            JsonValueKind.Array => ValidateArray(value, schema, path),
            JsonValueKind.Number => Bound(schema, "minimum", "maximum", value.GetDouble(), path, "value"),
            JsonValueKind.String => ValidateString(value.GetString()!, schema, path),
            _ => null,
        };
    }

    private static string? ValidateObject(JsonElement value, JsonElement schema, string path)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    return $"{path}: missing required property '{name}'";
                }
            }
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                if (Validate(property.Value, propertySchema, $"{path}.{property.Name}") is { } error)
                {
                    return error;
                }
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    return $"{path}: property '{property.Name}' is not allowed";
                }

                if (Validate(property.Value, additional, $"{path}.{property.Name}") is { } error)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static string? ValidateArray(JsonElement value, JsonElement schema, string path)
    {
        if (Bound(schema, "minItems", "maxItems", value.GetArrayLength(), path, "item count") is { } error)
        {
            return error;
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (Validate(item, items, $"{path}[{i++}]") is { } itemError)
                {
                    return itemError;
                }
            }
        }

        return null;
    }

    private static string? ValidateString(string text, JsonElement schema, string path)
    {
        if (Bound(schema, "minLength", "maxLength", text.Length, path, "length") is { } error)
        {
            return error;
        }

        return schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1))
            ? $"{path}: '{text}' does not match {pattern.GetString()}"
            : null;
    }

    private static string? Bound(JsonElement schema, string minName, string maxName, double actual, string path, string what)
    {
        if (schema.TryGetProperty(minName, out var min) && actual < min.GetDouble())
        {
            return $"{path}: {what} {actual.ToString(CultureInfo.InvariantCulture)} is below {minName} {min.GetRawText()}";
        }

        return schema.TryGetProperty(maxName, out var max) && actual > max.GetDouble()
            ? $"{path}: {what} {actual.ToString(CultureInfo.InvariantCulture)} is above {maxName} {max.GetRawText()}"
            : null;
    }

    private static bool TypeMatches(JsonElement value, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => TypeMatches(value, t))
        : type.GetString() switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => true,
        };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
