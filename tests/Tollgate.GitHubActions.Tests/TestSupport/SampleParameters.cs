namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>Parameters as a build declares them; the tests read their descriptors with the engine's discovery.</summary>
internal sealed class SampleParameters
{
    [Parameter("Branch to deploy")]
    public string? TargetBranch { get; set; }

    [Parameter("Evaluation suite: smoke or full")]
    public string? LlmEvalSuite { get; set; }

    [Parameter("Target framework of the test run")]
    public string? TargetFramework { get; set; }

    [Parameter("Whether to push images")]
    public bool? PushImages { get; set; }

    [Parameter("Environment to deploy to")]
    public string? DeployEnvironment { get; set; }

    [Parameter("OpenAI API key"), Secret]
    public string? OpenAiApiKey { get; set; }

    [Parameter("Registry password"), Secret]
    public string? RegistryPassword { get; set; }

    [Parameter("Kubeconfig of the cluster"), Secret]
    public string? KubeConfig { get; set; }

    [Parameter("Token for the container registry"), Secret]
    public string? GitHubToken { get; set; }

    public static IReadOnlyList<ParameterDescriptor> Descriptors { get; } = ParameterDiscovery.Find(new SampleParameters());
}
