using Tollgate.Components.BlueGreenProd;
using Tollgate.Components.BuildImage;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Deployment;
using Tollgate.Deployment.Analysis.Providers;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>
/// A build composing IBlueGreenProd with the default platform (local containers) and a prod environment of the test's
/// own; <paramref name="sampler"/>, when given, replaces the LlmEval quality sampler (used with --min-quality-score).
/// </summary>
internal sealed class LocalBlueGreenBuild(DeploymentEnvironment prod, IQualitySampler? sampler = null) : TollgateBuild, IBuildImage, IBlueGreenProd
{
    public DeploymentEnvironment ProdEnvironment => prod;

    public IQualitySampler QualitySampler =>
        sampler ?? new LlmEvalQualitySampler(RootDirectory / "evals" / "research-assistant.yaml", ((IBlueGreenProd)this).QualitySampleSize ?? 3, seed: 42);

    /// <summary>Runs the build in <paramref name="root"/> on the GitHub Actions host.</summary>
    public Task<(int ExitCode, string Output, string StepSummary)> RunAsync(string root, params string[] args) =>
        GitHubRun.RunAsync(this, root, args);
}
