namespace Tollgate.Deployment;

/// <summary>
/// A secret an environment's release needs: on the local platform the value is passed to the container as
/// <see cref="Variable"/>; on Kubernetes the chart reads it from the existing Secret <see cref="KubernetesSecret"/>.
/// </summary>
/// <param name="Variable">The variable the service reads, e.g. <c>LLM_API_KEY</c>.</param>
/// <param name="Source">The build parameter or environment variable that holds the value, e.g. <c>LlmApiKey</c>.</param>
/// <param name="KubernetesSecret">The name of the Kubernetes Secret holding it (created outside the pipeline), if any.</param>
public sealed record EnvironmentSecret(string Variable, string Source, string? KubernetesSecret = null);
