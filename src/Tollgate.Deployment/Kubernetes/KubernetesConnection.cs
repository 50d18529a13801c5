namespace Tollgate.Deployment.Kubernetes;

/// <summary>Which cluster helm and kubectl talk to: a kubeconfig file and context, or (both null) the default context.</summary>
/// <param name="KubeconfigPath">A kubeconfig file (the component writes the [Secret] parameter's value to a private temporary file).</param>
/// <param name="Context">A context in it.</param>
public sealed record KubernetesConnection(string? KubeconfigPath = null, string? Context = null)
{
    /// <summary>The default kubeconfig (KUBECONFIG or ~/.kube/config) and its current context.</summary>
    public static KubernetesConnection Default { get; } = new();

    /// <summary>helm's flags: <c>--kubeconfig</c>, <c>--kube-context</c>.</summary>
    public IEnumerable<string> HelmArguments() => Flags("--kube-context");

    /// <summary>kubectl's flags: <c>--kubeconfig</c>, <c>--context</c>.</summary>
    public IEnumerable<string> KubectlArguments() => Flags("--context");

    private IEnumerable<string> Flags(string contextFlag)
    {
        if (KubeconfigPath is not null)
        {
            yield return "--kubeconfig";
            yield return KubeconfigPath;
        }

        if (Context is not null)
        {
            yield return contextFlag;
            yield return Context;
        }
    }
}
