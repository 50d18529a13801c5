using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tollgate.Security;

/// <summary>
/// Reads the ignore file (YAML):
/// <code>
/// ignores:
///   - fingerprint: 3f9c2a7e01b4d5c6            # or: rule: K8S011 (+ path: k8s/**, scanner: kubernetes)
///     reason: Test fixture, not a credential  # required
///     expires: 2027-01-31                     # optional, last day it applies
/// </code>
/// </summary>
public static class IgnoreFile
{
    /// <summary>The entries; an absent file has none. Bad entries raise <see cref="ScanException"/> naming the entry and field.</summary>
    public static IReadOnlyList<IgnoreEntry> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : [];
    }

    /// <summary>Parses the ignore file's text.</summary>
    public static IReadOnlyList<IgnoreEntry> Parse(string text, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ScanException($"{displayPath}:{e.Start.Line}: not valid YAML ({e.Message}). Expected 'ignores:' followed by a list of entries.", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode)
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode("ignores"), out var list))
        {
            throw new ScanException($"{displayPath}: expected a mapping with an 'ignores:' list at the top.");
        }

        if (list is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (list is not YamlSequenceNode sequence)
        {
            throw new ScanException($"{displayPath}: 'ignores' must be a list of entries ('- fingerprint: ...' or '- rule: ...', each with a reason).");
        }

        return [.. sequence.Children.Select((node, i) => ParseEntry(node, i + 1, displayPath))];
    }

    private static IgnoreEntry ParseEntry(YamlNode node, int index, string displayPath)
    {
        var where = $"{displayPath}:{node.Start.Line}: ignore entry #{index}";
        if (node is not YamlMappingNode map)
        {
            throw new ScanException($"{where} is not a mapping; write '- fingerprint: <hash>' or '- rule: <id>' with a 'reason:'.");
        }

        string? Get(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value) ? scalar.Value.Trim() : null;

        var known = new[] { "fingerprint", "rule", "path", "scanner", "reason", "expires" };
        var unknown = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            throw new ScanException($"{where} has an unknown field '{unknown}'; the fields are {string.Join(", ", known)}.");
        }

        var reason = Get("reason") ?? throw new ScanException($"{where} has no reason. Say why the finding is accepted ('reason: ...'); entries without one are not allowed.");
        var fingerprint = Get("fingerprint");
        var rule = Get("rule");
        var path = Get("path");
        var scanner = Get("scanner");
        if (fingerprint is not null && rule is not null)
        {
            throw new ScanException($"{where} has both 'fingerprint' and 'rule'; keep one.");
        }

        if (fingerprint is null && rule is null && (scanner is null || path is null))
        {
            throw new ScanException(
                $"{where} needs exactly one of 'fingerprint' or 'rule', or both 'scanner' and 'path' (every finding of that scanner under the path, e.g. deliberately vulnerable test fixtures).");
        }

        if (fingerprint is not null && fingerprint.Length < 8)
        {
            throw new ScanException($"{where}: the fingerprint '{fingerprint}' is shorter than 8 characters; copy it from the scan report.");
        }

        DateOnly? expires = null;
        if (Get("expires") is { } text)
        {
            expires = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new ScanException($"{where}: expires '{text}' is not a date; write it as yyyy-MM-dd.");
        }

        return new IgnoreEntry(reason, fingerprint, rule, path, scanner, expires, index);
    }
}
