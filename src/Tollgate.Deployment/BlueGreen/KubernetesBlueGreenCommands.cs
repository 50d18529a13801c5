using System.Globalization;
using System.Text.Json;

namespace Tollgate.Deployment.BlueGreen;

/// <summary>The kubectl command lines of the Kubernetes blue-green platform, as argument lists (tested exactly).</summary>
/// <param name="options">The release.</param>
internal sealed class KubernetesBlueGreenCommands(KubernetesBlueGreenOptions options)
{
    private string Namespace => options.Environment.Namespace;

    /// <summary><c>kubectl get service NAME --namespace NS --output json</c> (an absent Service is an answer).</summary>
    public CommandSpec GetService(string name) =>
        Kubectl("get", "service", name, "--namespace", Namespace, "--output", "json").WithCapture().WithValidation(false);

    /// <summary><c>kubectl get deployment --selector 'app.kubernetes.io/instance in (R-blue,R-green)' --namespace NS --output json</c>.</summary>
    public CommandSpec GetColourDeployments() =>
        Kubectl("get", "deployment", "--selector", $"app.kubernetes.io/instance in ({options.ReleaseOf(Colour.Blue)},{options.ReleaseOf(Colour.Green)})",
            "--namespace", Namespace, "--output", "json").WithCapture();

    /// <summary><c>kubectl patch service NAME --namespace NS --type merge --patch {"spec":{"selector":{...}}}</c> (an absent Service is an answer).</summary>
    public CommandSpec PatchSelector(string service, Colour colour) =>
        Kubectl("patch", "service", service, "--namespace", Namespace, "--type", "merge", "--patch",
            JsonSerializer.Serialize(new { spec = new { selector = Selector(colour) } })).WithCapture().WithValidation(false);

    /// <summary><c>kubectl apply --namespace NS --filename -</c> with the Service manifest on standard input (creates it).</summary>
    public CommandSpec ApplyService(string service, Colour colour) =>
        Kubectl("apply", "--namespace", Namespace, "--filename", "-").WithStandardInput(ServiceManifest(service, colour));

    /// <summary><c>kubectl scale deployment --selector app.kubernetes.io/instance=R-COLOUR --replicas N --namespace NS</c>.</summary>
    public CommandSpec Scale(Colour colour, int replicas) =>
        Kubectl("scale", "deployment", "--selector", $"app.kubernetes.io/instance={options.ReleaseOf(colour)}",
            "--replicas", replicas.ToString(CultureInfo.InvariantCulture), "--namespace", Namespace);

    /// <summary>The Service that sends traffic to a colour's pods (named port <c>http</c>).</summary>
    public string ServiceManifest(string service, Colour colour) => JsonSerializer.Serialize(new
    {
        apiVersion = "v1",
        kind = "Service",
        metadata = new
        {
            name = service,
            @namespace = Namespace,
            labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = options.ChartName, ["app.kubernetes.io/part-of"] = "tollgate", ["app.kubernetes.io/managed-by"] = "tollgate" },
        },
        spec = new
        {
            type = "ClusterIP",
            ports = new[] { new { name = "http", port = options.ServicePort, targetPort = "http", protocol = "TCP" } },
            selector = Selector(colour),
        },
    });

    private Dictionary<string, string> Selector(Colour colour) => new()
    {
        ["app.kubernetes.io/name"] = options.ChartName,
        ["app.kubernetes.io/instance"] = options.ReleaseOf(colour),
        ["color"] = colour.Label(),
    };

    private CommandSpec Kubectl(params string[] arguments) =>
        new CommandSpec(options.Kubernetes.Kubectl).WithArguments(arguments.Concat(options.Kubernetes.Connection.KubectlArguments()));
}
