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

/// <summary>The environments ResearchAssistant deploys to, declared once: DeployStaging and Destroy take --environment.</summary>
public sealed partial class Build
{
    /// <summary>
    /// In CI the staging deploy is a job of its own in the GitHub environment "staging" (URL shown on the run), to the
    /// staging cluster (the environment's secret KUBECONFIG) at its ingress; ./build.sh deploys it locally. Staging
    /// gets only what passed every gate: the deploy waits for Lint, UnitTest, LlmEval and Scan when they run (in
    /// `./build.sh` and as `needs` in the main workflow), and a failed gate stops it.
    /// </summary>
    Target IDeployStaging.DeployStaging => _ => _
        .Inherit<IDeployStaging>(x => x.DeployStaging)
        .After<ILint>(x => x.Lint)
        .After<IUnitTest>(x => x.UnitTest)
        .After<ILlmEval>(x => x.LlmEval)
        .After<IScan>(x => x.Scan)
        .Uses(() => ((IDeployStaging)this).Kubeconfig)
        .DeploysTo(((IDeployStaging)this).Environments.Find("staging").On(PlatformKind.Kubernetes));

    /// <summary>
    /// `./build.sh Destroy --environment staging` removes that environment only: the registry belongs to Build and other
    /// environments may still pull from it. Without --environment, or invoked by name, DestroyRegistry stops it.
    /// </summary>
    Target IBuildImage.DestroyRegistry => _ => _
        .Inherit<IBuildImage>(x => x.DestroyRegistry)
        .OnlyWhenStatic(() => NoEnvironmentNamed || InvokedTargets.Contains(nameof(IBuildImage.DestroyRegistry)));

    /// <summary>Like DestroyRegistry: with --environment only that environment goes; the images stay for the others.</summary>
    Target IBuildImage.DestroyImages => _ => _
        .Inherit<IBuildImage>(x => x.DestroyImages)
        .OnlyWhenStatic(() => NoEnvironmentNamed || InvokedTargets.Contains(nameof(IBuildImage.DestroyImages)));

    /// <summary>Like DestroyRegistry: prod's local blue-green release goes without --environment, or with --environment prod.</summary>
    Target IBlueGreenProd.DestroyProd => _ => _
        .Inherit<IBlueGreenProd>(x => x.DestroyProd)
        .OnlyWhenStatic(() => NoEnvironmentNamed || ((IDeployStaging)this).Environment == "prod" || InvokedTargets.Contains(nameof(IBlueGreenProd.DestroyProd)));

    bool NoEnvironmentNamed => ((IDeployStaging)this).Environment is null;
}
