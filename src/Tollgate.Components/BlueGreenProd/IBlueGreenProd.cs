using Tollgate.Components.BuildImage;
using Tollgate.Deployment;
using Tollgate.Deployment.BlueGreen;

namespace Tollgate.Components.BlueGreenProd;

/// <summary>
/// The BlueGreenProd stage: deploys a new version to the idle colour of the prod environment, smoke-tests and analyses
/// it through the preview, switches production to it, analyses again, and scales the previous colour down after a
/// delay or switches back at once. Manual targets <c>Promote</c>, <c>Abort</c> and <c>Rollback</c> act on the live
/// state; <c>DeploymentReport</c> prints the DORA metrics of the deployment history and writes an HTML page.
/// </summary>
public interface IBlueGreenProd : ITollgateBuild
{
    /// <summary>The image to deploy, pinned by digest.</summary>
    [Parameter("The image to deploy, repository@sha256:<digest> (default: the one in artifacts/image/image.json, the Build stage's output).")]
    string? BlueGreenImage => TryGetValue<string>();

    /// <summary>The platform.</summary>
    [Parameter("Blue-green platform: kubernetes or local (default: the environment's).")]
    string? BlueGreenPlatform => TryGetValue<string>();

    /// <summary>The preview URL on Kubernetes.</summary>
    [Parameter("Where the preview Service answers from the pipeline on Kubernetes (an ingress host or a port-forward).")]
    string? BlueGreenPreviewUrl => TryGetValue<string>();

    /// <summary>The kubeconfig.</summary>
    [Parameter("Kubeconfig content for the prod cluster (default: the default kubeconfig and context)."), Secret]
    string? ProdKubeconfig => TryGetValue<string>();

    /// <summary>The kube context.</summary>
    [Parameter("Kubernetes context for prod (default: the kubeconfig's current context).")]
    string? ProdKubeContext => TryGetValue<string>();

    /// <summary>How long the previous colour stays warm.</summary>
    [Parameter("How long the previous colour stays warm after a successful promotion (default 30s).")]
    TimeSpan? ScaleDownDelay => TryGetValue<TimeSpan?>();

    /// <summary>Pre-promotion measurements.</summary>
    [Parameter("Pre-promotion analysis: measurements of each metric on the preview (default 3).")]
    int? PrePromotionCount => TryGetValue<int?>();

    /// <summary>Post-promotion duration.</summary>
    [Parameter("Post-promotion analysis duration (default 5m).")]
    TimeSpan? PostPromotionDuration => TryGetValue<TimeSpan?>();

    /// <summary>Time between measurements.</summary>
    [Parameter("Time between analysis measurements (default 10s).")]
    TimeSpan? AnalysisInterval => TryGetValue<TimeSpan?>();

    /// <summary>The highest acceptable error rate.</summary>
    [Parameter("Highest acceptable 5xx rate, 0..1 (default 0.01).")]
    double? MaxErrorRate => TryGetValue<double?>();

    /// <summary>The highest acceptable p99 latency.</summary>
    [Parameter("Highest acceptable p99 latency in seconds (default: not checked).")]
    double? MaxP99Latency => TryGetValue<double?>();

    /// <summary>The lowest acceptable quality score.</summary>
    [Parameter("Lowest acceptable pass rate of the sampled golden cases, 0..1 (default: no quality check).")]
    double? MinQualityScore => TryGetValue<double?>();

    /// <summary>Golden cases per quality sample.</summary>
    [Parameter("Golden cases per quality sample (default 3).")]
    int? QualitySampleSize => TryGetValue<int?>();

    /// <summary>A Prometheus server for the error rate.</summary>
    [Parameter("Prometheus server URL: when set, the error rate comes from a PromQL query instead of the colour's /metrics.")]
    string? PrometheusUrl => TryGetValue<string>();

    /// <summary>A Slack-compatible webhook.</summary>
    [Parameter("Slack-compatible incoming webhook for start, promotion and rollback messages."), Secret]
    string? DeploymentWebhook => TryGetValue<string>();

    /// <summary>The history file.</summary>
    [Parameter("Deployment history file, relative to the root (default deployments/history.jsonl).")]
    string? DeploymentHistoryFile => TryGetValue<string>();

    /// <summary>The report window.</summary>
    [Parameter("Days of history the DeploymentReport covers (default 30).")]
    int? ReportDays => TryGetValue<int?>();

    /// <summary>The prod environment (local behind a router on 127.0.0.1:8490; on Kubernetes the chart's prod ingress); override to change it.</summary>
    DeploymentEnvironment ProdEnvironment => new DeploymentEnvironment("prod", "research-prod", new Uri("http://127.0.0.1:8490"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Local)
        .WithUrlOn(PlatformKind.Kubernetes, new Uri("https://research-assistant.example.com/"));

    /// <summary>The quality sampler (default: the LlmEval suite evals/research-assistant.yaml); override to change it.</summary>
    Deployment.Analysis.Providers.IQualitySampler QualitySampler =>
        new LlmEvalQualitySampler(RootDirectory / "evals" / "research-assistant.yaml", QualitySampleSize ?? 3, seed: 42);

    /// <summary>
    /// The platform for the prod environment (--blue-green-platform, else the environment's: local containers behind a
    /// router, or Kubernetes); override to supply another. A platform that is <see cref="IDisposable"/> is disposed after the target.
    /// </summary>
    Task<IBlueGreenPlatform> CreateBlueGreenPlatformAsync(CancellationToken cancellationToken) => BlueGreenProdStage.CreatePlatformAsync(this, cancellationToken);

    /// <summary>Deploys, analyses, promotes or rolls back.</summary>
    Target BlueGreenProd => _ => _
        .Description("Blue-green release to prod: deploy the idle colour, preview, analyse, switch, analyse, keep or roll back")
        .After<IBuildImage>(x => x.Build)
        .Consumes<IBuildImage>(x => x.Build, "artifacts/image/image.json")
        .Executes(ct => BlueGreenProdStage.RunAsync(this, ct));

    /// <summary>Promotes the colour in the preview, or finishes a paused promotion.</summary>
    Target Promote => _ => _
        .Description("Promotes the previewed colour of prod (or scales down the colour a paused promotion kept warm)")
        .Executes(ct => BlueGreenProdStage.OperateAsync(this, (o, c) => o.PromoteAsync(c), ct));

    /// <summary>Removes the colour in the preview.</summary>
    Target Abort => _ => _
        .Description("Removes the previewed, unpromoted colour of prod")
        .Executes(ct => BlueGreenProdStage.OperateAsync(this, (o, c) => o.AbortAsync(c), ct));

    /// <summary>Sends production back to the other colour.</summary>
    Target Rollback => _ => _
        .Description("Sends prod traffic back to the other colour (scaling it up when needed)")
        .Executes(ct => BlueGreenProdStage.OperateAsync(this, (o, c) => o.RollbackAsync(c), ct));

    /// <summary>Removes prod's local blue-green release (router, both colours, network).</summary>
    Target DestroyProd => _ => _
        .Description("Removes prod's local blue-green release (router, both colours, network); a prod on Kubernetes is left alone")
        .Executes(ct => BlueGreenProdStage.DestroyAsync(this, ct));

    /// <summary>Prints DORA metrics and writes the HTML report.</summary>
    Target DeploymentReport => _ => _
        .Description("DORA metrics (deployment frequency, change failure rate, lead time, time to restore) from the deployment history, and an HTML chart")
        .Produces("artifacts/deployments/**")
        .Executes(ct => DeploymentReportStage.RunAsync(this, ct));
}
