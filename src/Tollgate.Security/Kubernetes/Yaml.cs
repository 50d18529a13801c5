using YamlDotNet.RepresentationModel;

namespace Tollgate.Security.Kubernetes;

/// <summary>Small helpers to walk parsed manifests.</summary>
internal static class Yaml
{
    public static YamlNode? Get(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(this YamlNode? node, params string[] path) => node.Get(path) is YamlScalarNode { Value: { } value } ? value : null;

    public static bool IsTrue(this YamlNode? node, params string[] path) => string.Equals(node.Text(path), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsFalse(this YamlNode? node, params string[] path) => string.Equals(node.Text(path), "false", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<YamlNode> Items(this YamlNode? node, params string[] path) => node.Get(path) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IReadOnlyDictionary<string, string> Labels(this YamlNode? node, params string[] path) =>
        node.Get(path) is YamlMappingNode map
            ? map.Children.Where(c => c.Key is YamlScalarNode && c.Value is YamlScalarNode).ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
