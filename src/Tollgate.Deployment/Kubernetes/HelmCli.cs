using System.Globalization;

namespace Tollgate.Deployment.Kubernetes;

/// <summary>
/// The helm command lines Tollgate runs, as argument lists (tested exactly). Helm 4 and helm 3 differ in how a failed
/// upgrade is undone: helm 4 says <c>--rollback-on-failure</c> and <c>--wait=watcher</c>, helm 3 <c>--atomic</c> and <c>--wait</c>.
/// </summary>
/// <param name="MajorVersion">3 or 4 (from <c>helm version --short</c>).</param>
/// <param name="Connection">The cluster.</param>
/// <param name="Executable">The helm executable.</param>
internal sealed record HelmCli(int MajorVersion, KubernetesConnection Connection, string Executable = "helm")
{
    /// <summary><c>helm version --short</c>.</summary>
    public static CommandSpec Version(string executable = "helm") =>
        new CommandSpec(executable).WithArguments("version", "--short").WithCapture();

    /// <summary>The major version in <c>helm version --short</c> output (<c>v4.1.4+g05fa379</c> → 4).</summary>
    /// <exception cref="DeploymentException">The output is not a helm version or the version is older than 3.</exception>
    public static int ParseMajorVersion(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = output.Trim();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (!text.StartsWith('v') || dot < 2 || !int.TryParse(text[1..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            throw new DeploymentException($"'helm version --short' printed '{text}', not a version such as v4.1.4; check that 'helm' on PATH is Helm.");
        }

        return major >= 3 ? major : throw new DeploymentException($"Helm {text} is too old; install helm 3 or 4.");
    }

    /// <summary>The flag that waits for resources to be ready.</summary>
    public string WaitFlag => MajorVersion >= 4 ? "--wait=watcher" : "--wait";

    /// <summary>The flag that undoes a failed upgrade (and removes a failed first install).</summary>
    public string RollbackOnFailureFlag => MajorVersion >= 4 ? "--rollback-on-failure" : "--atomic";

    /// <summary><c>helm history RELEASE --namespace NS --output json --max 20</c> (exit code not validated: an absent release is an answer).</summary>
    public CommandSpec History(string release, string ns) =>
        Helm("history", release, "--namespace", ns, "--output", "json", "--max", "20").WithCapture().WithValidation(false);

    /// <summary>
    /// <c>helm upgrade --install RELEASE CHART --namespace NS --create-namespace --values FILE --set-string image.repository=…
    /// --set-string image.digest=sha256:… --set-string image.tag=… WAIT ROLLBACK --timeout Ns --history-max 10</c>.
    /// </summary>
    public CommandSpec UpgradeInstall(string release, string chart, string ns, string valuesFile, ImageReference image, TimeSpan timeout, IEnumerable<string>? extraValuesFiles = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var arguments = new List<string> { "upgrade", "--install", release, chart, "--namespace", ns, "--create-namespace", "--values", valuesFile };
        foreach (var extra in extraValuesFiles ?? [])
        {
            arguments.AddRange(["--values", extra]);
        }

        arguments.AddRange(["--set-string", $"image.repository={image.Repository}", "--set-string", $"image.digest={image.Digest}"]);
        if (image.Tag is not null)
        {
            arguments.AddRange(["--set-string", $"image.tag={image.Tag}"]);
        }

        arguments.AddRange([WaitFlag, RollbackOnFailureFlag, "--timeout", Seconds(timeout), "--history-max", "10"]);
        return Helm([.. arguments]).WithValidation(false).WithCapture();
    }

    /// <summary><c>helm rollback RELEASE REVISION --namespace NS WAIT --timeout Ns</c>.</summary>
    public CommandSpec Rollback(string release, int revision, string ns, TimeSpan timeout) =>
        Helm("rollback", release, revision.ToString(CultureInfo.InvariantCulture), "--namespace", ns, WaitFlag, "--timeout", Seconds(timeout));

    /// <summary><c>helm uninstall RELEASE --namespace NS --wait --timeout Ns</c> (an absent release is not an error).</summary>
    public CommandSpec Uninstall(string release, string ns, TimeSpan timeout) =>
        Helm("uninstall", release, "--namespace", ns, "--ignore-not-found", MajorVersion >= 4 ? "--wait=watcher" : "--wait", "--timeout", Seconds(timeout));

    /// <summary><c>helm lint --strict CHART --values FILE</c> (offline).</summary>
    public static CommandSpec Lint(string chart, string valuesFile, string executable = "helm") =>
        new CommandSpec(executable).WithArguments("lint", "--strict", chart, "--values", valuesFile);

    /// <summary><c>helm template RELEASE CHART --namespace NS --values FILE --kube-version V</c> (offline), output captured.</summary>
    public static CommandSpec Template(string release, string chart, string ns, string valuesFile, string kubeVersion = "1.33.0", string executable = "helm") =>
        new CommandSpec(executable)
            .WithArguments("template", release, chart, "--namespace", ns, "--values", valuesFile, "--kube-version", kubeVersion,
                "--api-versions", "monitoring.coreos.com/v1")
            .WithCapture().WithValidation(true);

    /// <summary><c>helm package CHART --destination DIR</c>.</summary>
    public static CommandSpec Package(string chart, string destination, string executable = "helm") =>
        new CommandSpec(executable).WithArguments("package", chart, "--destination", destination).WithCapture();

    /// <summary>A duration as helm and kubectl take it: whole seconds, <c>300s</c>.</summary>
    public static string Seconds(TimeSpan timeout) => ((long)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";

    private CommandSpec Helm(params string[] arguments) =>
        new CommandSpec(Executable).WithArguments(arguments.Concat(Connection.HelmArguments()));
}
