using Tollgate;
using Tollgate.Components.BlueGreenProd;
using Tollgate.Components.BuildImage;
using Tollgate.Components.DeployStaging;
using Tollgate.Components.Lint;
using Tollgate.Components.LlmEval;
using Tollgate.Components.Scan;
using Tollgate.Components.Testing;
using Tollgate.Deployment;
using Tollgate.GitHubActions;

/// <summary>
/// The GitHub workflows generated from this build (./build.sh GenerateWorkflows). Every LlmEval job starts the service
/// for real; pull requests and main replay only model calls from the committed cache (read-only: a changed request
/// without a recording fails, naming the case); the nightly run answers with a model through the proxy, with the model
/// key from the OPENAI_API_KEY secret (given to the LlmEval job only), and refreshes the recordings.
/// </summary>
public sealed partial class Build
{
    public IEnumerable<GitHubWorkflow> Workflows =>
    [
        new GitHubWorkflow("pull-request", nameof(ILint.Lint), nameof(IUnitTest.UnitTest), nameof(ILlmEval.LlmEval), nameof(IBuildImage.Build), nameof(IScan.Scan))
            .WithDisplayName("Pull request")
            .OnPullRequest("main")
            .WithParameterValue("EvalCacheMode", "read-only")
            // The image is not pushed: on GitHub the Build job hands it to the Scan job as the artifact image-archive
            // (artifacts/image-archive/image.tar.gz, written for an image that was not pushed), so the image scanner runs
            // on pull requests too.
            .WithParameterValue("ImagePush", "false")
            .WithoutSecrets("EvalModelApiKey", nameof(IBuildImage.RegistryPassword)),
        PushesToImageRegistry(new GitHubWorkflow("main", nameof(ILint.Lint), nameof(IUnitTest.UnitTest), nameof(ILlmEval.LlmEval), nameof(Pack), nameof(IBuildImage.Build), nameof(IScan.Scan), nameof(IDeployStaging.DeployStaging))
            .WithDisplayName("Main")
            .OnPushToBranches("main")
            .WithParameterValue("EvalCacheMode", "read-only")
            .WithoutSecrets("EvalModelApiKey"))
            // Staging on a cluster: its kubeconfig is the staging environment's secret KUBECONFIG.
            .WithParameterValue(nameof(IDeployStaging.DeployPlatform), nameof(PlatformKind.Kubernetes)),
        PushesToImageRegistry(new GitHubWorkflow("release", nameof(PublishPackages), nameof(IBuildImage.Build), nameof(IScan.Scan), nameof(IBlueGreenProd.BlueGreenProd))
            .WithDisplayName("Release")
            .OnPushToTags("v*")
            .WithFetchDepth(0)
            .WithParameterValue(nameof(Configuration), nameof(Configuration.Release)))
            // Prod on a cluster: its kubeconfig is the production environment's secret KUBECONFIG; the preview Service answers at
            // the repository variable PROD_PREVIEW_URL (an ingress host for <release>-preview).
            .WithParameterValue(nameof(IBlueGreenProd.BlueGreenPlatform), nameof(PlatformKind.Kubernetes))
            .WithParameterValue(nameof(IBlueGreenProd.BlueGreenPreviewUrl), "${{ vars.PROD_PREVIEW_URL }}")
            .WithSecretName(nameof(IBlueGreenProd.ProdKubeconfig), "KUBECONFIG"),
        new GitHubWorkflow("nightly-eval", nameof(ILlmEval.LlmEval))
            .WithDisplayName("Nightly LLM evaluation")
            .OnSchedule("0 3 * * *")
            .OnWorkflowDispatch()
            .WithParameterValue("EvalCacheMode", "refresh")
            .WithParameterValue("EvalServiceModel", "gpt-4o-mini")
            .WithSecretName("EvalModelApiKey", "OPENAI_API_KEY"),
        new GitHubWorkflow("weekly-scan", nameof(IScan.Scan))
            .WithDisplayName("Weekly security scan")
            .OnSchedule("0 5 * * 1")
            .OnWorkflowDispatch()
            .WithFetchDepth(0)
            .WithParameterValue(nameof(IScan.ScanHistory), "true")
            // On GitHub's runners OSV's NuGet export can be downloaded, so the weekly scan matches the packages against
            // current advisories (offline here and in the pull-request gate, the dependencies scanner is "not run"). The
            // repository variable SCAN_ADVISORIES replaces it (a mirror); an unreachable source fails the scan, naming it.
            .WithParameterValue(nameof(IScan.ScanAdvisories), "${{ vars.SCAN_ADVISORIES || 'https://osv-vulnerabilities.storage.googleapis.com/NuGet/all.zip' }}"),
    ];

    /// <summary>
    /// The workflows that deploy push the image where the deploy jobs' cluster can pull it: the registry named by the
    /// repository variable IMAGE_REGISTRY (for GitHub's container registry, its host and the repository owner), signed in
    /// as the workflow's actor with the job's GITHUB_TOKEN, which gets <c>packages: write</c> in the Build job of these
    /// workflows only. Without the variable Build pushes to a registry on its own runner, which no cluster can reach:
    /// the deploy jobs then say so.
    /// </summary>
    static GitHubWorkflow PushesToImageRegistry(GitHubWorkflow workflow) => workflow
        .WithParameterValue(nameof(IBuildImage.Registry), "${{ vars.IMAGE_REGISTRY }}")
        .WithParameterValue(nameof(IBuildImage.RegistryUsername), "${{ github.actor }}")
        .WithSecretName(nameof(IBuildImage.RegistryPassword), "GITHUB_TOKEN")
        .WithJobPermissions(nameof(IBuildImage.Build), TokenAccess.PackagesWrite);

    /// <summary>
    /// In CI the blue-green release is a job of its own in the GitHub environment "production", which deploys the
    /// environment the build calls prod (its URL on the run page, one deployment at a time, never cancelled mid-switch;
    /// required reviewers are a repository setting): it deploys the image the tag's Build job pushed, by digest (the
    /// image artifact), once the Scan gate passed, to prod's cluster.
    /// </summary>
    Target IBlueGreenProd.BlueGreenProd => _ => _
        .Inherit<IBlueGreenProd>(x => x.BlueGreenProd)
        .After<IBuildImage>(x => x.Build)
        .After<IScan>(x => x.Scan)
        .Consumes<IBuildImage>(x => x.Build, "artifacts/image/image.json")
        .Uses(() => ((IBlueGreenProd)this).DeploymentWebhook)
        .Uses(() => ((IBlueGreenProd)this).ProdKubeconfig)
        .DeploysTo("production", ((IBlueGreenProd)this).ProdEnvironment.On(PlatformKind.Kubernetes).Url.ToString());
}
