using System.Text;
using Tollgate.Components.BuildImage;
using Tollgate.Components.DeployStaging;
using Tollgate.Deployment;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// A build composing Build and DeployStaging, with its own environments: qa and prod on Kubernetes (helm and kubectl are
/// fakes on PATH, see <see cref="FakeKubernetesTools"/>), answering at <see cref="QaUrl"/>.
/// </summary>
internal sealed class DeployStagingBuild(Uri qaUrl) : TollgateBuild, IBuildImage, IDeployStaging
{
    public Uri QaUrl { get; } = qaUrl;

    public DeploymentEnvironments Environments => new(
    [
        new DeploymentEnvironment("qa", "research-qa", QaUrl, "k8s/research-assistant/values-staging.yaml", PlatformKind.Kubernetes),
        new DeploymentEnvironment("prod", "research-prod", new Uri("https://research-assistant.example.com/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Kubernetes),
    ]);

    /// <summary>Runs the build in <paramref name="root"/> with <paramref name="bin"/> first on PATH, on the GitHub Actions host.</summary>
    public async Task<(int ExitCode, string Output, string StepSummary)> RunAsync(string root, string bin, params string[] args)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var summaryPath = Path.Combine(root, "step-summary.md");
        File.Delete(summaryPath);
        var output = new StringBuilder();
        await using var writer = TextWriter.Synchronized(new StringWriter(output, System.Globalization.CultureInfo.InvariantCulture));
        var settings = new BuildRunSettings
        {
            Output = writer,
            OutputRedirected = true,
            CurrentDirectory = root,
            Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
                ["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME"),
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_STEP_SUMMARY"] = summaryPath,
            },
        };
        var exitCode = await BuildRunner.RunAsync(this, args, defaultTarget: null, settings, CancellationToken.None);
        await writer.FlushAsync();
        return (exitCode, output.ToString(), File.Exists(summaryPath) ? await File.ReadAllTextAsync(summaryPath) : string.Empty);
    }
}
