using System.Collections.Immutable;
using System.Text.Json;

namespace Tollgate;

/// <summary>One key of a parameter file with its JSON value and the line it is on.</summary>
/// <param name="Key">The key as written.</param>
/// <param name="Value">The JSON value.</param>
/// <param name="Line">The 1-based line of the key.</param>
internal sealed record ParameterFileEntry(string Key, JsonElement Value, int Line);

/// <summary>
/// A parameter file, <c>.nuke/parameters.json</c> or a profile <c>.nuke/parameters.NAME.json</c>: one JSON object whose
/// keys are parameter names (ignoring case). Comments and trailing commas are allowed; <c>$schema</c> is ignored.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="DisplayPath">The path relative to the root, for messages (<c>.nuke/parameters.json</c>).</param>
/// <param name="Entries">The keys in file order.</param>
internal sealed record ParameterFile(AbsolutePath Path, string DisplayPath, ImmutableArray<ParameterFileEntry> Entries)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads a parameter file.</summary>
    /// <exception cref="TollgateException">The file is not a JSON object or names a key twice; the message names file and line.</exception>
    public static ParameterFile Load(AbsolutePath path, AbsolutePath rootDirectory)
    {
        var display = path.RelativeTo(rootDirectory);
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var json = bytes.AsMemory(start);
        var entries = ImmutableArray.CreateBuilder<ParameterFileEntry>();
        var lineByKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (json.Span.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8) < 0)
            {
                return new ParameterFile(path, display, []);
            }

            var reader = new Utf8JsonReader(json.Span, ReaderOptions);
            if (!reader.Read())
            {
                return new ParameterFile(path, display, []);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new TollgateException(
                    $"{display} line {LineOf(json.Span, reader.TokenStartIndex)}: expected a JSON object such as {{ \"MaxParallel\": 4 }}, found {reader.TokenType}.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var line = LineOf(json.Span, reader.TokenStartIndex);
                reader.Read();
                var value = JsonElement.ParseValue(ref reader);
                if (!lineByKey.TryAdd(key, line))
                {
                    throw new TollgateException($"{display} line {line}: '{key}' is already set on line {lineByKey[key]}. Remove one of them.");
                }

                entries.Add(new ParameterFileEntry(key, value, line));
            }

            while (reader.Read())
            {
                // Reading past the root object makes the reader reject trailing content with its line number.
            }
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            throw new TollgateException($"{display} line {line} is not valid JSON: {FirstSentence(exception.Message)} Fix the file or delete it.", exception);
        }

        return new ParameterFile(path, display, entries.ToImmutable());
    }

    /// <summary>The text form of a JSON value for conversion, or null for JSON <c>null</c> (unset).</summary>
    /// <exception cref="TollgateException">The value is an object or a nested array.</exception>
    public RawParameterValue? ToRawValue(ParameterFileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var origin = $"{DisplayPath} line {entry.Line}";
        return entry.Value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Array => new RawParameterValue([.. entry.Value.EnumerateArray().Select(e => ScalarText(e, entry, origin))], origin),
            _ => new RawParameterValue([ScalarText(entry.Value, entry, origin)], origin),
        };
    }

    private static string ScalarText(JsonElement element, ParameterFileEntry entry, string origin) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new TollgateException(
            $"{origin}: '{entry.Key}' holds a JSON {element.ValueKind.ToString().ToLowerInvariant()}; parameter values are strings, numbers, booleans or arrays of those."),
    };

    private static int LineOf(ReadOnlySpan<byte> json, long index) => json[..(int)index].Count((byte)'\n') + 1;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
