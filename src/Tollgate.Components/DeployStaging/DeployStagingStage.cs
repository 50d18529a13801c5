using System.Collections.Immutable;
using System.Text.Json;
using Tollgate.Containers;
using Tollgate.Deployment;
using Tollgate.Deployment.Kubernetes;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Components.DeployStaging;

/// <summary>The DeployStaging targets' work, kept out of the interface so the interface stays a list of parameters.</summary>
internal static class DeployStagingStage
{
    /// <summary>Variables passed through from the build's environment to a local release when they are set.</summary>
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private static readonly string[] Settings = ["LLM_BASE_URL", "LLM_MODEL", "PROMPT_VERSION", "TOP_K"];

    public static async Task DeployAsync(IDeployStaging build, CancellationToken cancellationToken)
    {
        var environment = Target(build);
        var image = build.DeployImage is { } reference ? ImageReference.Parse(reference) : BuildImageManifest.Read(build.RootDirectory / BuildImageManifest.DefaultPath);
        var request = new DeploymentRequest(environment, image, build.DeployTimeout ?? TimeSpan.FromMinutes(5))
        {
            SecretValues = Secrets(build, environment),
            Settings = Settings.Select(name => (name, value: System.Environment.GetEnvironmentVariable(name)))
                .Where(s => !string.IsNullOrEmpty(s.value)).ToImmutableDictionary(s => s.name, s => s.value!),
            SmokeChecks = ResearchAssistantSmokeChecks.Create(),
        };
        build.Log.Information($"Deploying {image} to {environment.Name} ({environment.Platform}) at {environment.Url}");
        if (environment.Platform == PlatformKind.Kubernetes)
        {
            LoopbackRegistryWarning.WarnIfUnreachable(build.Log, image, environment.Name);
        }
        DeploymentResult result;
        using (var platform = await PlatformAsync(build, environment, cancellationToken).ConfigureAwait(false))
        {
            result = await platform.Platform.DeployAsync(request, cancellationToken).ConfigureAwait(false);
        }

        Directory.CreateDirectory(build.ArtifactsDirectory / "deploy");
        await File.WriteAllTextAsync(build.ArtifactsDirectory / "deploy" / $"{environment.Name}.json", JsonSerializer.Serialize(new
        {
            environment = environment.Name,
            url = environment.Url,
            image = image.Pinned,
            outcome = result.Outcome.ToString(),
            reason = result.FailureReason,
            steps = result.Steps,
            smoke = result.Smoke.Results.Select(r => new { name = r.Check.Name, request = r.Check.Request, passed = r.Passed, status = r.StatusCode, attempts = r.Attempts, message = r.Message }),
        }, Json), cancellationToken).ConfigureAwait(false);
        build.Host.AppendSummary(result.ToMarkdown());
        if (!result.Succeeded)
        {
            var serving = result.Outcome == DeploymentOutcome.RolledBack ? "the previous release keeps serving" : "nothing serves the environment";
            throw new TollgateException($"DeployStaging to {environment.Name} {result.Outcome}: {result.FailureReason} ({serving} at {environment.Url}).");
        }

        build.Host.AppendSummary($"ResearchAssistant ({environment.Name}) answers at {environment.Url}\n");
        build.Log.Information($"ResearchAssistant ({environment.Name}) answers at {environment.Url}");
        build.ReportOutcome($"{environment.Url} ({environment.Name})");
    }

    public static async Task DestroyAsync(IDeployStaging build, CancellationToken cancellationToken)
    {
        var environment = Target(build);
        using var platform = await PlatformAsync(build, environment, cancellationToken).ConfigureAwait(false);
        foreach (var line in await platform.Platform.DestroyAsync(environment, cancellationToken).ConfigureAwait(false))
        {
            build.Log.Information(line);
        }
    }

    /// <summary>The environment --environment names, on the platform --deploy-platform chooses (with that platform's URL).</summary>
    private static DeploymentEnvironment Target(IDeployStaging build)
    {
        var declared = build.Environments.Find(build.Environment ?? "staging");
        return declared.On(build.DeployPlatform ?? declared.Platform);
    }

    private static ImmutableDictionary<string, string> Secrets(IDeployStaging build, DeploymentEnvironment environment)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var secret in environment.Secrets)
        {
            var value = System.Environment.GetEnvironmentVariable(secret.Source);
            if (!string.IsNullOrEmpty(value))
            {
                build.Host.RegisterSecret(value);
                values[secret.Variable] = value;
            }
        }

        return values.ToImmutable();
    }

    private static async Task<PlatformScope> PlatformAsync(IDeployStaging build, DeploymentEnvironment environment, CancellationToken cancellationToken)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (environment.Platform == PlatformKind.Kubernetes)
        {
            var kubeconfig = KubeconfigFile.From(build.Kubeconfig, build.TemporaryDirectory);
            var options = new KubernetesOptions(build.RootDirectory, build.RootDirectory / "k8s" / "research-assistant")
            {
                Connection = new KubernetesConnection(kubeconfig?.Path, build.KubeContext),
                Helm = build.Tools.Find("helm"),
                Kubectl = build.Tools.Find("kubectl"),
            };
            return new PlatformScope(new KubernetesPlatform(options, build.Processes, new SmokeTestRunner(http), TimeProvider.System, build.Log.Information), http, kubeconfig, null);
        }

        var client = await ContainerEngineClient.ConnectAsync(build.Log, cancellationToken).ConfigureAwait(false);
        var routerImage = new RouterImage(client, new HostDotnetBaseImages(client, build.Processes, build.Log), build.Processes, build.Log);
        var local = new LocalPlatformOptions(build.RootDirectory / "src" / "Tollgate.Deployment.Router" / "Tollgate.Deployment.Router.csproj") { Session = "deploy-" + environment.Name };
        return new PlatformScope(new LocalPlatform(client, routerImage, http, local, build.Log.Information), http, null, client);
    }

    /// <summary>The platform and what it holds, released together.</summary>
    private sealed record PlatformScope(IDeploymentPlatform Platform, HttpClient Http, KubeconfigFile? Kubeconfig, ContainerEngineClient? Client) : IDisposable
    {
        public void Dispose()
        {
            Http.Dispose();
            Kubeconfig?.Dispose();
            Client?.Dispose();
        }
    }
}
