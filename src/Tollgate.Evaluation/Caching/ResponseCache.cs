using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Evaluation;

/// <summary>
/// A content-addressed response cache of readable JSON files, <c>&lt;dir&gt;/ab/abcdef….json</c>. The key is a SHA-256
/// of the canonical JSON of what identifies a request (provider name, model, messages, options, user keys) and never the
/// endpoint URL or credentials, so a cache recorded on a laptop replays in CI.
/// </summary>
internal sealed class ResponseCache
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private readonly CacheOptions _options;
    private readonly TimeProvider _time;
    private int _hits;
    private int _misses;

    /// <summary>Creates a cache.</summary>
    public ResponseCache(CacheOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The mode.</summary>
    public CacheMode Mode => _options.Mode;

    /// <summary>Hits so far.</summary>
    public int Hits => _hits;

    /// <summary>Misses so far that were answered by a call (and recorded).</summary>
    public int Misses => _misses;

    /// <summary>The directory.</summary>
    public string Directory => _options.Directory;

    /// <summary>The key of <paramref name="material"/>: SHA-256 hex of its canonical JSON.</summary>
    public static string ComputeKey(object material)
    {
        // Written straight to UTF-8 in canonical order: the same bytes as Canonical(node).ToJsonString(), without the
        // copy of the tree and the string (the proxy computes a key per model call).
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, material as JsonNode ?? JsonSerializer.SerializeToNode(material));
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>
    /// Returns the cached value for <paramref name="material"/>, or creates, stores and returns it, as the mode says.
    /// <paramref name="label"/> (e.g. the case id) names the request in a read-only miss.
    /// </summary>
    public async Task<(T Value, bool Hit)> GetOrCreateAsync<T>(string label, object material, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (_options.Mode == CacheMode.Off)
        {
            return (await create(cancellationToken).ConfigureAwait(false), false);
        }

        var key = ComputeKey(material);
        var path = PathOf(key);
        if (_options.Mode != CacheMode.Refresh && await TryReadAsync<T>(path, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            Interlocked.Increment(ref _hits);
            return (entry, true);
        }

        if (_options.Mode == CacheMode.ReadOnly)
        {
            throw new CacheMissException($"{label}: no cached response (key {key[..12]}) in {_options.Directory} and the cache is read-only; "
                + "record it with cache mode read-write (and an API key), then commit the cache directory");
        }

        var value = await create(cancellationToken).ConfigureAwait(false);

        // Counted once the call succeeded: a check that could not run (no key) is not a miss.
        Interlocked.Increment(ref _misses);
        await WriteAsync(path, key, label, material, value, cancellationToken).ConfigureAwait(false);
        return (value, false);
    }

    /// <summary>The path of the entry for <paramref name="key"/>.</summary>
    public string PathOf(string key) => Path.Combine(_options.Directory, key[..2], key + ".json");

    /// <summary>
    /// Reads the entry at <paramref name="path"/>: default when there is none or it has expired; a
    /// <see cref="CacheEntryException"/> naming the file, the line and the fix when it cannot be read.
    /// </summary>
    public async Task<T?> TryReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return default;
        }

        if (StateFileLimits.TooLarge(path, StateFileLimits.CacheEntryBytes, "a cache entry") is { } tooLarge)
        {
            throw CacheEntryException.For(path, tooLarge, 1);
        }

        // Entries are small: one read of the bytes and a read-only document cost a fraction of a stream parse into a
        // mutable tree that is then serialized again to deserialize the response (a replay reads one entry per case).
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(start));
        }
        catch (JsonException e)
        {
            throw CacheEntryException.For(path, $"not JSON ({e.Message})", e.LineNumber + 1);
        }

        using (document)
        {
            return Read<T>(path, document.RootElement);
        }
    }

    private T? Read<T>(string path, JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw CacheEntryException.For(path, $"the top level is {Describe(entry)}, expected an object with key, created, request and response");
        }

        var created = entry.TryGetProperty("created", out var date) && date.ValueKind == JsonValueKind.String && date.TryGetDateTimeOffset(out var parsed)
            ? parsed
            : throw CacheEntryException.For(path, $"'created' is {(entry.TryGetProperty("created", out var value) ? Describe(value) : "missing or null")}, expected an ISO 8601 date such as 2026-11-30T12:00:00+00:00");
        if (_options.TimeToLive is { } ttl && _time.GetUtcNow() - created > ttl)
        {
            return default;
        }

        if (!entry.TryGetProperty("response", out var response) || response.ValueKind == JsonValueKind.Null)
        {
            throw CacheEntryException.For(path, "it has no 'response'");
        }

        try
        {
            return response.Deserialize<T>() ?? throw CacheEntryException.For(path, "'response' is null");
        }
        catch (JsonException e)
        {
            throw CacheEntryException.For(path, $"'response' does not have the recorded shape ({e.Message})");
        }
    }

    private async Task WriteAsync<T>(string path, string key, string label, object material, T value, CancellationToken cancellationToken)
    {
        // Masked before encoding: the serializer escapes + < > & ' and non-ASCII, which would hide a secret from a
        // masker that only sees the finished text.
        var masker = _options.Masker;
        var entry = new JsonObject
        {
            ["key"] = key,
            ["label"] = masker?.Apply(label) ?? label,
            ["created"] = _time.GetUtcNow(),
            ["request"] = JsonMasking.Mask(material as JsonNode ?? JsonSerializer.SerializeToNode(material), masker),
            ["response"] = JsonMasking.Mask(JsonSerializer.SerializeToNode(value), masker),
        };
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var text = entry.ToJsonString(Indented);
        await File.WriteAllTextAsync(temporary, masker?.Apply(text) ?? text, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => "missing or null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => $"'{element.GetRawText()}'",
    };

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    WriteCanonical(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>A copy of <paramref name="node"/> with object properties sorted, the form keys are computed from.</summary>
    public static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        null => null,
        _ => node.DeepClone(),
    };
}
