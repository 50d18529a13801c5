using System.Collections.Immutable;
using System.Text.Json;
using Tollgate.Deployment.Kubernetes;

namespace Tollgate.Deployment.BlueGreen;

/// <summary>
/// Blue-green on Kubernetes with helm and kubectl as child processes: each colour is a helm release deployed by digest
/// with <c>color=&lt;colour&gt;</c>; the stable and preview Services select a colour's pods; the active colour is the
/// stable Service's selector, read with <c>kubectl get service -o json</c>.
/// </summary>
/// <param name="options">The release.</param>
/// <param name="processes">The build's process runner (masking, cancellation, log prefixes).</param>
public sealed class KubernetesBlueGreenPlatform(KubernetesBlueGreenOptions options, IProcessRunner processes) : IBlueGreenPlatform
{
    private readonly KubernetesBlueGreenCommands _commands = new(options);
    private HelmCli? _helm;

    /// <inheritdoc />
    public Uri StableUrl => options.Environment.Url;

    /// <inheritdoc />
    public Uri PreviewUrl => options.PreviewUrl;

    /// <inheritdoc />
    public async Task<BlueGreenState> ReadStateAsync(CancellationToken cancellationToken)
    {
        var active = await SelectedColourAsync(options.StableService, cancellationToken).ConfigureAwait(false);
        var preview = await SelectedColourAsync(options.PreviewService, cancellationToken).ConfigureAwait(false);
        var deployments = await processes.RunAsync(_commands.GetColourDeployments(), cancellationToken).ConfigureAwait(false);
        return new BlueGreenState(active, ParseColours(deployments.StandardOutput), preview);
    }

    private async Task<Colour?> SelectedColourAsync(string service, CancellationToken cancellationToken)
    {
        var result = await processes.RunAsync(_commands.GetService(service), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            using var document = JsonDocument.Parse(result.StandardOutput);
            var selector = document.RootElement.GetProperty("spec").TryGetProperty("selector", out var s) && s.TryGetProperty("color", out var c) ? c.GetString() : null;
            return Colours.Parse(selector)
                ?? throw new DeploymentException($"The Service {service} in {options.Environment.Namespace} selects color '{selector}', not blue or green; it was not created by BlueGreenProd. Delete it or choose another release name.");
        }

        if (result.StandardError.Contains("NotFound", StringComparison.Ordinal) || result.StandardError.Contains("not found", StringComparison.Ordinal))
        {
            return null;
        }

        throw new DeploymentException($"kubectl get service {service} --namespace {options.Environment.Namespace} failed (exit {result.ExitCode}): {result.StandardError.Trim()}. Check the kubeconfig and that the cluster is reachable.");
    }

    /// <inheritdoc />
    public async Task<string?> DeployAsync(Colour colour, ImageReference image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var helm = await HelmAsync(cancellationToken).ConfigureAwait(false);
        var release = options.ReleaseOf(colour);
        var valuesFile = Path.Combine(options.Kubernetes.RootDirectory, options.Environment.ValuesFile);
        var upgrade = helm.UpgradeInstall(release, options.Kubernetes.Chart, options.Environment.Namespace, valuesFile, image, options.Timeout)
            .AddArguments("--set-string", $"color={colour.Label()}");
        var result = await processes.RunAsync(upgrade, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return $"helm upgrade --install {release} failed (exit {result.ExitCode}): {LastLine(result.StandardError)}";
        }

        return await RolloutAsync(colour, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PreviewAsync(Colour colour, CancellationToken cancellationToken) =>
        await PointAsync(options.PreviewService, colour, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task SwitchAsync(Colour colour, CancellationToken cancellationToken) =>
        await PointAsync(options.StableService, colour, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task ScaleDownAsync(Colour colour, CancellationToken cancellationToken) =>
        await processes.RunAsync(_commands.Scale(colour, 0), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<string?> ScaleUpAsync(Colour colour, CancellationToken cancellationToken)
    {
        await processes.RunAsync(_commands.Scale(colour, options.RestoreReplicas), cancellationToken).ConfigureAwait(false);
        return await RolloutAsync(colour, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RemoveAsync(Colour colour, CancellationToken cancellationToken)
    {
        var helm = await HelmAsync(cancellationToken).ConfigureAwait(false);
        await processes.RunAsync(helm.Uninstall(options.ReleaseOf(colour), options.Environment.Namespace, options.Timeout), cancellationToken).ConfigureAwait(false);
    }

    private async Task PointAsync(string service, Colour colour, CancellationToken cancellationToken)
    {
        // Patch only the selector of an existing Service (one API write: the switch is atomic); create it on first use.
        var patch = await processes.RunAsync(_commands.PatchSelector(service, colour), cancellationToken).ConfigureAwait(false);
        if (patch.Succeeded)
        {
            return;
        }

        if (!patch.StandardError.Contains("NotFound", StringComparison.Ordinal) && !patch.StandardError.Contains("not found", StringComparison.Ordinal))
        {
            throw new DeploymentException($"kubectl patch service {service} --namespace {options.Environment.Namespace} failed (exit {patch.ExitCode}): {patch.StandardError.Trim()}");
        }

        await processes.RunAsync(_commands.ApplyService(service, colour), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> RolloutAsync(Colour colour, CancellationToken cancellationToken)
    {
        var kubectl = new KubectlCli(options.Kubernetes.Connection, options.Kubernetes.Kubectl);
        var rollout = await processes.RunAsync(kubectl.RolloutStatus(options.ReleaseOf(colour), options.Environment.Namespace, options.Timeout), cancellationToken).ConfigureAwait(false);
        return rollout.Succeeded ? null : $"kubectl rollout status of {options.ReleaseOf(colour)} failed (exit {rollout.ExitCode}): {LastLine(rollout.StandardError + rollout.StandardOutput)}";
    }

    private async Task<HelmCli> HelmAsync(CancellationToken cancellationToken)
    {
        if (_helm is null)
        {
            var version = await processes.RunAsync(HelmCli.Version(options.Kubernetes.Helm), cancellationToken).ConfigureAwait(false);
            _helm = new HelmCli(HelmCli.ParseMajorVersion(version.StandardOutput), options.Kubernetes.Connection, options.Kubernetes.Helm);
        }

        return _helm;
    }

    private static ImmutableArray<ColourState> ParseColours(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var colours = ImmutableArray.CreateBuilder<ColourState>();
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var labels = item.GetProperty("metadata").TryGetProperty("labels", out var l) ? l : default;
            var colour = labels.ValueKind == JsonValueKind.Object && labels.TryGetProperty("color", out var c) ? Colours.Parse(c.GetString()) : null;
            if (colour is null)
            {
                continue;
            }

            var spec = item.GetProperty("spec");
            var replicas = spec.TryGetProperty("replicas", out var r) ? r.GetInt32() : 1;
            var image = spec.GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("image").GetString() ?? "?";
            colours.Add(new ColourState(colour.Value, image, replicas));
        }

        return colours.ToImmutable();
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";
}
