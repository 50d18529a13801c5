using System.Text.Json.Nodes;
using k8s;
using Tollgate.Deployment.Kubernetes;
using Tollgate.Deployment.Tests.Support;
using Tollgate.TestSupport;
using YamlDotNet.Serialization;

namespace Tollgate.Deployment.Tests.Chart;

/// <summary>
/// The chart rendered by the real <c>helm template</c> with one values file, split into documents: built-in kinds are
/// loaded strictly into the KubernetesClient models (unknown kinds or fields throw), the prometheus-operator kinds are
/// kept as JSON for schema validation.
/// </summary>
internal sealed record RenderedChart(IReadOnlyList<object> Objects, IReadOnlyList<JsonObject> CustomResources, string Text)
{
    private static readonly string[] CustomKinds = ["ServiceMonitor", "PrometheusRule"];

    /// <summary>The repository's chart, k8s/research-assistant.</summary>
    public static string ChartDirectory { get; } = RepositoryRoot.Combine("k8s", "research-assistant");

    public static async Task<RenderedChart> RenderAsync(string valuesFile, string ns = "research-staging", params string[] extraArguments)
    {
        var tools = new Tools();
        var command = HelmCli.Template("research-assistant-staging", ChartDirectory, ns, Path.Combine(ChartDirectory, valuesFile)).AddArguments(extraArguments);
        var result = await tools.Runner.RunAsync(command with { LogOutput = false }, CancellationToken.None);
        return Parse(result.StandardOutput);
    }

    public static RenderedChart Parse(string text)
    {
        var deserializer = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var builtIn = new List<string>();
        var custom = new List<JsonObject>();
        foreach (var document in text.Split("\n---", StringSplitOptions.RemoveEmptyEntries))
        {
            var value = deserializer.Deserialize<object?>(document);
            if (value is null)
            {
                continue;
            }

            var node = JsonNode.Parse(json.Serialize(value))!.AsObject();
            if (CustomKinds.Contains((string?)node["kind"]))
            {
                custom.Add(node);
            }
            else
            {
                builtIn.Add(document);
            }
        }

        var objects = builtIn.Count == 0 ? [] : KubernetesYaml.LoadAllFromString(string.Join("\n---\n", builtIn), null, strict: true);
        return new RenderedChart(objects, custom, text);
    }

    public T Single<T>() => Objects.OfType<T>().Single();
}
