using System.Collections.Immutable;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Deployment.Kubernetes;

/// <summary>
/// Deploys with helm and kubectl as child processes: recover a release an interrupted run left pending, <c>helm upgrade
/// --install</c> with the environment's values and the image by digest (waiting, rolling back by itself on failure),
/// <c>kubectl rollout status</c>, smoke tests, and <c>helm rollback</c> to the previous revision when either fails.
/// </summary>
/// <param name="options">Chart, cluster and tools.</param>
/// <param name="processes">The process runner (the build's: masking, cancellation, log prefixes).</param>
/// <param name="smoke">Runs the smoke checks.</param>
/// <param name="timeProvider">The clock, for the age of pending revisions.</param>
/// <param name="log">Receives one line per step.</param>
public sealed class KubernetesPlatform(KubernetesOptions options, IProcessRunner processes, SmokeTestRunner smoke, TimeProvider timeProvider, Action<string> log) : IDeploymentPlatform
{
    /// <inheritdoc />
    public PlatformKind Kind => PlatformKind.Kubernetes;

    /// <inheritdoc />
    public async Task<DeploymentResult> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environment = request.Environment;
        var (release, ns) = (environment.Release, environment.Namespace);
        var steps = new List<string>();
        void Step(string line)
        {
            steps.Add(line);
            log(line);
        }

        var helm = await DetectHelmAsync(cancellationToken).ConfigureAwait(false);
        Step($"helm {helm.MajorVersion}: upgrades use {helm.WaitFlag} {helm.RollbackOnFailureFlag}");
        var history = await HistoryAsync(helm, release, ns, cancellationToken).ConfigureAwait(false);
        var plan = new PendingReleaseRecovery(options.StaleAfter ?? request.Timeout, timeProvider).Plan(release, history);
        Step(plan.Reason);
        await RecoverAsync(helm, plan, release, ns, request.Timeout, cancellationToken).ConfigureAwait(false);
        if (plan.Action != RecoveryAction.None)
        {
            history = await HistoryAsync(helm, release, ns, cancellationToken).ConfigureAwait(false);
        }

        var previous = history.LastOrDefault(r => r.Status == "deployed")?.Revision;
        var valuesFile = Path.Combine(options.RootDirectory, environment.ValuesFile);
        var upgrade = await processes.RunAsync(helm.UpgradeInstall(release, options.Chart, ns, valuesFile, request.Image, request.Timeout), cancellationToken).ConfigureAwait(false);
        if (!upgrade.Succeeded)
        {
            // --rollback-on-failure / --atomic already undid it: the previous revision serves, or a first install is gone.
            var reason = $"helm upgrade --install failed (exit {upgrade.ExitCode}): {LastLine(upgrade.StandardError)}";
            Step(reason + (previous is null ? "; helm removed the failed first install" : $"; helm rolled back to revision {previous}"));
            return Result(request, previous is null ? DeploymentOutcome.Failed : DeploymentOutcome.RolledBack, SmokeReport.Empty(environment.Url), steps, reason);
        }

        Step($"helm upgrade --install {release} in {ns}: {request.Image.Pinned}");
        var rollout = await processes.RunAsync(new KubectlCli(options.Connection, options.Kubectl).RolloutStatus(release, ns, request.Timeout), cancellationToken).ConfigureAwait(false);
        if (!rollout.Succeeded)
        {
            var reason = $"kubectl rollout status failed (exit {rollout.ExitCode}): {LastLine(rollout.StandardError + rollout.StandardOutput)}";
            return await UndoAsync(helm, request, previous, SmokeReport.Empty(environment.Url), steps, reason, Step, cancellationToken).ConfigureAwait(false);
        }

        Step("kubectl rollout status: every Deployment of the release is available");
        var smokeOptions = options.Smoke with { Timeout = Min(options.Smoke.Timeout, request.Timeout) };
        var report = await smoke.RunAsync(environment.Url, request.SmokeChecks, smokeOptions, cancellationToken).ConfigureAwait(false);
        if (!report.Passed)
        {
            var reason = "smoke tests failed: " + string.Join("; ", report.Failures);
            return await UndoAsync(helm, request, previous, report, steps, reason, Step, cancellationToken).ConfigureAwait(false);
        }

        Step($"smoke tests passed ({report.Results.Length} checks) at {environment.Url}");
        return Result(request, DeploymentOutcome.Deployed, report, steps, null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> DestroyAsync(DeploymentEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var helm = await DetectHelmAsync(cancellationToken).ConfigureAwait(false);
        await processes.RunAsync(helm.Uninstall(environment.Release, environment.Namespace, TimeSpan.FromMinutes(5)), cancellationToken).ConfigureAwait(false);
        return [$"helm uninstall {environment.Release} in {environment.Namespace} (the namespace is kept)"];
    }

    private async Task<HelmCli> DetectHelmAsync(CancellationToken cancellationToken)
    {
        var version = await processes.RunAsync(HelmCli.Version(options.Helm), cancellationToken).ConfigureAwait(false);
        return new HelmCli(HelmCli.ParseMajorVersion(version.StandardOutput), options.Connection, options.Helm);
    }

    private async Task<ImmutableArray<HelmRevision>> HistoryAsync(HelmCli helm, string release, string ns, CancellationToken cancellationToken)
    {
        var result = await processes.RunAsync(helm.History(release, ns), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return HelmRevision.ParseHistory(result.StandardOutput);
        }

        if (result.StandardError.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        throw new DeploymentException($"helm history {release} --namespace {ns} failed (exit {result.ExitCode}): {LastLine(result.StandardError)}. Check the kubeconfig (--kubeconfig parameter or the default context) and that the cluster is reachable.");
    }

    private async Task RecoverAsync(HelmCli helm, RecoveryPlan plan, string release, string ns, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (plan.Action == RecoveryAction.Rollback)
        {
            await processes.RunAsync(helm.Rollback(release, plan.Revision!.Value, ns, timeout), cancellationToken).ConfigureAwait(false);
        }
        else if (plan.Action == RecoveryAction.Uninstall)
        {
            await processes.RunAsync(helm.Uninstall(release, ns, timeout), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DeploymentResult> UndoAsync(HelmCli helm, DeploymentRequest request, int? previous, SmokeReport report, List<string> steps, string reason, Action<string> step, CancellationToken cancellationToken)
    {
        var (release, ns) = (request.Environment.Release, request.Environment.Namespace);
        step(reason);
        if (previous is null)
        {
            await processes.RunAsync(helm.Uninstall(release, ns, request.Timeout), cancellationToken).ConfigureAwait(false);
            step($"no earlier revision to return to: helm uninstall {release}");
            return Result(request, DeploymentOutcome.Failed, report, steps, reason);
        }

        await processes.RunAsync(helm.Rollback(release, previous.Value, ns, request.Timeout), cancellationToken).ConfigureAwait(false);
        step($"helm rollback {release} {previous}: the previous revision serves again");
        return Result(request, DeploymentOutcome.RolledBack, report, steps, reason);
    }

    private static DeploymentResult Result(DeploymentRequest request, DeploymentOutcome outcome, SmokeReport report, List<string> steps, string? reason) =>
        new(request.Environment, request.Image, outcome, report) { Steps = [.. steps], FailureReason = reason };

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
