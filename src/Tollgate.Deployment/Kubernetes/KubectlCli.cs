namespace Tollgate.Deployment.Kubernetes;

/// <summary>The kubectl command lines Tollgate runs, as argument lists (tested exactly).</summary>
/// <param name="Connection">The cluster.</param>
/// <param name="Executable">The kubectl executable.</param>
internal sealed record KubectlCli(KubernetesConnection Connection, string Executable = "kubectl")
{
    /// <summary>
    /// <c>kubectl rollout status deployment --selector app.kubernetes.io/instance=RELEASE --namespace NS --timeout Ns</c>:
    /// waits for every Deployment of the release (exit code not validated: a failure triggers the rollback).
    /// </summary>
    public CommandSpec RolloutStatus(string release, string ns, TimeSpan timeout) =>
        new CommandSpec(Executable)
            .WithArguments(new[] { "rollout", "status", "deployment", "--selector", $"app.kubernetes.io/instance={release}", "--namespace", ns, "--timeout", HelmCli.Seconds(timeout) }
                .Concat(Connection.KubectlArguments()))
            .WithCapture().WithValidation(false);
}
