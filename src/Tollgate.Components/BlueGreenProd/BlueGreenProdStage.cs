using System.Globalization;
using Tollgate.Components.DeployStaging;
using Tollgate.Containers;
using Tollgate.Deployment;
using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.BlueGreen;
using Tollgate.Deployment.Kubernetes;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Notifications;
using Tollgate.Deployment.Records;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Components.BlueGreenProd;

/// <summary>The BlueGreenProd targets' work, kept out of the interface so the interface stays a list of parameters.</summary>
internal static class BlueGreenProdStage
{
    /// <summary>Variables passed from the build's environment to a local colour when they are set (as DeployStaging does).</summary>
    private static readonly string[] PassedSettings = ["LLM_BASE_URL", "LLM_MODEL", "PROMPT_VERSION", "TOP_K"];

    public static async Task RunAsync(IBlueGreenProd build, CancellationToken cancellationToken)
    {
        var image = Image(build);
        var environment = build.ProdEnvironment;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var platform = await build.CreateBlueGreenPlatformAsync(cancellationToken).ConfigureAwait(false);
        using var owned = platform as IDisposable;
        build.Log.Information($"Blue-green release of {image} to {environment.Name} ({platform.GetType().Name}) at {platform.StableUrl}");
        if (platform is KubernetesBlueGreenPlatform)
        {
            LoopbackRegistryWarning.WarnIfUnreachable(build.Log, image, environment.Name);
        }
        var (commit, commitTime) = await CommitAsync(build, image, cancellationToken).ConfigureAwait(false);
        var templates = new BlueGreenAnalysisTemplates(build, http);
        var request = new BlueGreenRequest(environment.Name, image)
        {
            Commit = commit,
            CommitTime = commitTime,
            Actor = build.EnvironmentVariable("GITHUB_ACTOR") ?? Environment.UserName,
            SmokeChecks = ResearchAssistantSmokeChecks.Create(),
            PrePromotion = templates.PrePromotion,
            PostPromotion = templates.PostPromotion,
            ScaleDownDelay = build.ScaleDownDelay ?? TimeSpan.FromSeconds(30),
        };
        var deployer = new BlueGreenDeployer(platform, new SmokeTestRunner(http), SystemAnalysisClock.Instance, Notifier(build, http), History(build), build.Log.Information);
        var result = await deployer.RunAsync(request, cancellationToken).ConfigureAwait(false);
        build.Host.AppendSummary(result.ToMarkdown(environment.Name));
        if (result.RollbackLatency is { } latency)
        {
            build.Log.Information(string.Create(CultureInfo.InvariantCulture, $"Traffic was back on {result.Previous?.Label()} {DurationText.Format(latency)} after the failing measurement"));
        }

        if (result.Outcome != RecordedOutcome.Succeeded)
        {
            throw new TollgateException($"BlueGreenProd {result.Outcome} ({result.Colour.Label()}): {result.Reason}");
        }

        build.Log.Information($"{environment.Name} serves {result.Colour.Label()} ({image.Pinned}) at {platform.StableUrl}");
        build.ReportOutcome($"{platform.StableUrl} ({environment.Name}, {result.Colour.Label()} active)");
    }

    public static async Task OperateAsync(IBlueGreenProd build, Func<BlueGreenOperations, CancellationToken, Task<string>> operation, CancellationToken cancellationToken)
    {
        var platform = await build.CreateBlueGreenPlatformAsync(cancellationToken).ConfigureAwait(false);
        using var owned = platform as IDisposable;
        var line = await operation(new BlueGreenOperations(platform, build.Log.Information), cancellationToken).ConfigureAwait(false);
        build.Host.AppendSummary($"### {build.ProdEnvironment.Name}: {line}\n");
    }

    /// <summary>
    /// Removes prod's local release (the containers and network labelled with it). A prod on Kubernetes is not touched: a
    /// cleanup command must never take down a cluster's production; helm uninstall does that on purpose.
    /// </summary>
    public static async Task DestroyAsync(IBlueGreenProd build, CancellationToken cancellationToken)
    {
        var platform = await build.CreateBlueGreenPlatformAsync(cancellationToken).ConfigureAwait(false);
        using var owned = platform as IDisposable;
        var environment = build.ProdEnvironment;
        if (platform is not LocalBlueGreenPlatform local)
        {
            build.Log.Information($"{environment.Name} is not on the local platform: DestroyProd removes local releases only (on Kubernetes, helm uninstall {environment.Release}-blue and {environment.Release}-green)");
            return;
        }

        build.Log.Information(await local.DestroyAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The image: --blue-green-image, else the Build stage's artifacts/image/image.json.</summary>
    internal static ImageReference Image(IBlueGreenProd build) =>
        build.BlueGreenImage is { Length: > 0 } reference ? ImageReference.Parse(reference) : BuildImageManifest.Read(build.RootDirectory / BuildImageManifest.DefaultPath);

    public static async Task<IBlueGreenPlatform> CreatePlatformAsync(IBlueGreenProd build, CancellationToken cancellationToken)
    {
        var declared = build.ProdEnvironment;
        var kind = build.BlueGreenPlatform?.ToUpperInvariant() switch
        {
            null => declared.Platform,
            "KUBERNETES" => PlatformKind.Kubernetes,
            "LOCAL" => PlatformKind.Local,
            var other => throw new TollgateException($"--blue-green-platform '{other}' is not a platform; use kubernetes or local."),
        };
        var environment = declared.On(kind);
        if (kind == PlatformKind.Local)
        {
            return await LocalPlatformAsync(build, environment, cancellationToken).ConfigureAwait(false);
        }

        var preview = build.BlueGreenPreviewUrl
            ?? throw new TollgateException("BlueGreenProd on Kubernetes needs --blue-green-preview-url (where the preview Service answers from the pipeline: an ingress host or a kubectl port-forward).");
        var connection = new KubernetesConnection(KubeconfigFile(build), build.ProdKubeContext);
        var kubernetes = new KubernetesOptions(build.RootDirectory, build.RootDirectory / "k8s" / "research-assistant") { Connection = connection };
        return new KubernetesBlueGreenPlatform(new KubernetesBlueGreenOptions(kubernetes, environment, new Uri(preview)), build.Processes);
    }

    private static async Task<IBlueGreenPlatform> LocalPlatformAsync(IBlueGreenProd build, DeploymentEnvironment environment, CancellationToken cancellationToken)
    {
        environment.Validate();
        var client = await ContainerEngineClient.ConnectAsync(build.Log, cancellationToken).ConfigureAwait(false);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var routerImage = new RouterImage(client, new HostDotnetBaseImages(client, build.Processes, build.Log), build.Processes, build.Log);
        var options = new LocalPlatformOptions(build.RootDirectory / "src" / "Tollgate.Deployment.Router" / "Tollgate.Deployment.Router.csproj") { Session = "deploy-" + environment.Name };
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in PassedSettings)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                settings[name] = value;
            }
        }

        foreach (var secret in environment.Secrets)
        {
            if (Environment.GetEnvironmentVariable(secret.Source) is { Length: > 0 } value)
            {
                build.Host.RegisterSecret(value);
                settings[secret.Variable] = value;
            }
        }

        return new LocalBlueGreenPlatform(client, routerImage, http, options, environment, build.Log.Information) { Settings = settings, Owned = [http, client] };
    }

    internal static DeploymentHistory History(IBlueGreenProd build) =>
        new(build.RootDirectory / (build.DeploymentHistoryFile ?? "deployments/history.jsonl"));

    private static IDeploymentNotifier Notifier(IBlueGreenProd build, HttpClient http) =>
        build.DeploymentWebhook is { Length: > 0 } webhook ? new SlackWebhookNotifier(http, new Uri(webhook)) : NullDeploymentNotifier.Instance;

    private static string? KubeconfigFile(IBlueGreenProd build)
    {
        if (build.ProdKubeconfig is not { Length: > 0 } content)
        {
            return null;
        }

        // A private file under .nuke/temp: kubectl and helm read a path, and the content never reaches a command line.
        var path = build.TemporaryDirectory / "blue-green" / "kubeconfig";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>
    /// The commit the image was built from and its time (for lead time): the revision in image.json when that file describes
    /// the image, its time from git when the commit is in the checkout. An image given by reference has no known commit:
    /// the checkout's HEAD need not be the image's source, so the record says "unknown" rather than a wrong commit.
    /// </summary>
    private static async Task<(string Commit, DateTimeOffset? Time)> CommitAsync(IBlueGreenProd build, ImageReference image, CancellationToken cancellationToken)
    {
        if (BuildImageManifest.ReadRevision(build.RootDirectory / BuildImageManifest.DefaultPath, image) is not { } revision)
        {
            build.Log.Information($"The commit of {image.Pinned} is not known (artifacts/image/image.json does not describe it): its deployment record has no commit and no lead time");
            return ("unknown", null);
        }

        var result = await build.Processes.RunAsync(new CommandSpec("git").WithArguments("log", "-1", "--format=%H %cI", revision, "--").WithWorkingDirectory(build.RootDirectory).WithCapture().WithValidation(false), cancellationToken).ConfigureAwait(false);
        var parts = result.StandardOutput.Trim().Split(' ');
        return result.Succeeded && parts.Length == 2 && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? (parts[0], time)
            : (revision, null);
    }
}
