using System.Globalization;
using System.Net.Http.Json;
using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Tests.Support;
using Xunit.Abstractions;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// "Running it again redeploys with zero failed requests under a steady load", through the pipeline: v1 is deployed by
/// the DeployStaging target through the engine, then a paced client drives GET /health and POST /query at the staging
/// URL while a second build program (a child process, as a second <c>./build.sh</c>) runs DeployStaging with v2. Every
/// request is counted; none may fail, and v2 serves at the end.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class DeployStagingRedeployUnderLoadTests(LocalEngineFixture fixture, ITestOutputHelper testOutput)
    : LocalPlatformTest(fixture, "tollgate-deploy-staging-load")
{
    private const int RequestsPerSecond = 40;

    private string[] StagingArguments => ["--staging-release", Release, "--staging-port", Port.ToString(CultureInfo.InvariantCulture)];

    [RequiresEngineFact]
    public async Task Running_DeployStaging_again_redeploys_with_zero_failed_requests_under_a_steady_load()
    {
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Good, "v1");
        var first = await GitHubRun.RunAsync(new StandaloneBuild(), Root.Path, ["DeployStaging", "--skip", .. StagingArguments]);
        first.ExitCode.Should().Be(0, first.Output);

        LocalEngineFixture.WriteImageRecord(Root, Fixture.Second, "v2");
        using var stop = new CancellationTokenSource();
        // Alternating GET /health (its body names the version that answered) and POST /query, open loop at a fixed rate.
        var load = new PacedLoad(RequestsPerSecond, i => i % 2 == 0
            ? new HttpRequestMessage(HttpMethod.Get, new Uri(Url, "health"))
            : new HttpRequestMessage(HttpMethod.Post, new Uri(Url, "query")) { Content = JsonContent.Create(new { question = "How much does the Team plan cost per seat per month?" }) });
        var running = load.RunAsync(stop.Token);
        int? exitCode;
        string output;
        using (var build = BuildPrograms.StartStandalone(Root.Path, ["DeployStaging", "--skip", .. StagingArguments]))
        {
            // No exit code (null) when the build did not end in time: Dispose kills it and the exit code check fails.
            exitCode = await build.WaitForExitAsync(TimeSpan.FromMinutes(6)) ? build.ExitCode : null;
            output = build.Output;
        }

        // A few more requests after the build ended, so the samples show who serves once the old release is gone.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        var samples = await running;
        testOutput.WriteLine($"steady load across a second DeployStaging run (v1 -> v2) at {RequestsPerSecond} req/s: {samples.Describe()}");
        testOutput.WriteLine("second build:\n" + output);

        exitCode.Should().Be(0, output);
        output.Should().Contain("router switched to").And.Contain("(drained, replaced)").And.Contain($"ResearchAssistant (staging) answers at {Url}");
        samples.Should().NotBeEmpty().And.NotContain(s => s.Failed, samples.FirstFailures());
        samples.VersionsInOrder().Should().Equal(["v1", "v2"], "the load saw the second run's release take over");
        var release = (await Fixture.ContainersAsync(Release)).Should().ContainSingle(c => c.Labels[LocalLabels.Role] == "release").Subject;
        release.Labels[LocalLabels.Version].Should().Be("v2");
        release.Labels[LocalLabels.PreviousImage].Should().Be(Fixture.Good);
    }
}
