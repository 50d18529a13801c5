using Tollgate.Components.BuildImage;
using Tollgate.Components.DeployStaging;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Deployment;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// A build composing Build and DeployStaging with two environments on the local container platform, each with a
/// release name of its own (so the test's containers never meet another test's or a real staging) on a free port.
/// </summary>
internal sealed class LocalDeployBuild(DeploymentEnvironment qa, DeploymentEnvironment dev) : TollgateBuild, IBuildImage, IDeployStaging
{
    public DeploymentEnvironments Environments => new([qa, dev]);

    public static DeploymentEnvironment Environment(string name, string release) =>
        new DeploymentEnvironment(name, "research-" + name, new Uri($"http://127.0.0.1:{ResearchAssistantProcess.FreePort()}/"), $"k8s/research-assistant/values-{name}.yaml", PlatformKind.Local)
            .WithRelease(release);

    /// <summary>Runs the build in <paramref name="root"/> on the GitHub Actions host.</summary>
    public Task<(int ExitCode, string Output, string StepSummary)> RunAsync(string root, params string[] args) =>
        GitHubRun.RunAsync(this, root, args);
}
