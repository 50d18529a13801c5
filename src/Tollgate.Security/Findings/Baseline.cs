using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Security;

/// <summary>
/// Accepted findings by fingerprint (JSON: <c>{"version": 1, "fingerprints": [...]}</c>): only findings not in it fail
/// the gate. A new secret on a baselined line has a new fingerprint, so it is not hidden.
/// </summary>
/// <param name="Fingerprints">The accepted fingerprints.</param>
public sealed record Baseline(IReadOnlySet<string> Fingerprints)
{
    /// <summary>An empty baseline.</summary>
    public static Baseline Empty { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Reads a baseline; an absent file is empty.</summary>
    public static Baseline Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            var fingerprints = JsonNode.Parse(File.ReadAllText(path))?["fingerprints"]?.AsArray().Select(n => n!.GetValue<string>())
                ?? throw new ScanException($"{path}: expected {{\"version\": 1, \"fingerprints\": [...]}}. Write it again with --scan-update-baseline.");
            return new Baseline(new HashSet<string>(fingerprints, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new ScanException($"{path}: not a scan baseline ({e.Message}). Write it again with --scan-update-baseline.", e);
        }
    }

    /// <summary>A baseline of <paramref name="findings"/>.</summary>
    public static Baseline Of(IEnumerable<Finding> findings) => new(new HashSet<string>(findings.Select(f => f.Fingerprint), StringComparer.Ordinal));

    /// <summary>Writes the baseline (sorted, so diffs are small).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var json = new JsonObject { ["version"] = 1, ["fingerprints"] = new JsonArray([.. Fingerprints.Order(StringComparer.Ordinal).Select(f => (JsonNode)f)]) };
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
