using YamlDotNet.RepresentationModel;

namespace Tollgate.Security.Kubernetes;

/// <summary>One object of a rendered release.</summary>
/// <param name="Source">The template it came from, relative to the repository root.</param>
/// <param name="Document">The parsed object.</param>
internal sealed record RenderedManifest(string Source, YamlNode Document)
{
    /// <summary>The object's kind.</summary>
    public string Kind => Document.Text("kind") ?? string.Empty;

    /// <summary>The object's name.</summary>
    public string Name => Document.Text("metadata", "name") ?? string.Empty;

    /// <summary>Splits <c>helm template</c> output into objects, mapping <c># Source: chart/templates/x.yaml</c> to <paramref name="chartPath"/>/templates/x.yaml.</summary>
    public static IReadOnlyList<RenderedManifest> Parse(string output, string chartPath)
    {
        ArgumentNullException.ThrowIfNull(output);
        var manifests = new List<RenderedManifest>();
        foreach (var part in ("\n" + output).Split("\n---"))
        {
            var sourceLine = part.Split('\n').FirstOrDefault(l => l.StartsWith("# Source: ", StringComparison.Ordinal));
            var source = sourceLine is null ? chartPath : $"{chartPath}/{string.Join('/', sourceLine["# Source: ".Length..].Trim().Split('/').Skip(1))}";
            var stream = new YamlStream();
            stream.Load(new StringReader(part));
            manifests.AddRange(stream.Documents.Where(d => d.RootNode is YamlMappingNode).Select(d => new RenderedManifest(source, d.RootNode)));
        }

        return manifests;
    }
}
