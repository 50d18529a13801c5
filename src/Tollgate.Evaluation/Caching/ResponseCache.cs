using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Evaluation;

/// <summary>
/// A content-addressed response cache of readable JSON files, <c>&lt;dir&gt;/ab/abcdef….json</c>. The key is a SHA-256
/// of the canonical JSON of what identifies a request (provider name, model, messages, options, user keys) and never the
/// endpoint URL or credentials, so a cache recorded on a laptop replays in CI.
/// </summary>
public sealed class ResponseCache
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
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

    /// <summary>Misses so far (calls made).</summary>
    public int Misses => _misses;

    /// <summary>The key of <paramref name="material"/>: SHA-256 hex of its canonical JSON.</summary>
    public static string ComputeKey(object material)
    {
        var canonical = Canonical(JsonSerializer.SerializeToNode(material))?.ToJsonString() ?? "null";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
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
        var path = Path.Combine(_options.Directory, key[..2], key + ".json");
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

        Interlocked.Increment(ref _misses);
        var value = await create(cancellationToken).ConfigureAwait(false);
        await WriteAsync(path, key, label, material, value, cancellationToken).ConfigureAwait(false);
        return (value, false);
    }

    private async Task<T?> TryReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return default;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var node = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var created = node?["created"]?.GetValue<DateTimeOffset>();
            if (created is null || (_options.TimeToLive is { } ttl && _time.GetUtcNow() - created > ttl))
            {
                return default;
            }

            return node!["response"].Deserialize<T>();
        }
        catch (JsonException)
        {
            // A corrupt or hand-edited entry is a miss, not a crash.
            return default;
        }
    }

    private async Task WriteAsync<T>(string path, string key, string label, object material, T value, CancellationToken cancellationToken)
    {
        var entry = new JsonObject
        {
            ["key"] = key,
            ["label"] = label,
            ["created"] = _time.GetUtcNow(),
            ["request"] = JsonSerializer.SerializeToNode(material),
            ["response"] = JsonSerializer.SerializeToNode(value),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var text = entry.ToJsonString(Indented);
        await File.WriteAllTextAsync(temporary, _options.Masker?.Apply(text) ?? text, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        null => null,
        _ => node.DeepClone(),
    };
}
