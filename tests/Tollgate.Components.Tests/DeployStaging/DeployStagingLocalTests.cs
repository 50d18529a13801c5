using System.Text.Json;
using Tollgate.Components.Tests.Local;
using Tollgate.Containers;
using Tollgate.Deployment.Local;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// IDeployStaging on the local container platform through the real engine: the Build stage's image record deployed
/// behind the router, smoke-tested, redeployed, a failing release rolled back, and DestroyEnvironment removing exactly
/// the named environment.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class DeployStagingLocalTests(LocalEngineFixture fixture) : LocalPlatformTest(fixture, "tollgate-deploy-local", releases: 2)
{
    private string QaRelease => Releases[0];

    private string DevRelease => Releases[1];

    [RequiresEngineFact]
    public async Task The_built_image_is_deployed_behind_the_router_redeployed_and_a_failing_release_is_rolled_back_while_the_previous_serves()
    {
        var qa = LocalDeployBuild.Environment("qa", QaRelease);
        var build = new LocalDeployBuild(qa, LocalDeployBuild.Environment("dev", DevRelease));
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Good, "v1");

        var (exitCode, output, summary) = await build.RunAsync(Root.Path, "DeployStaging", "--skip", "--environment", "qa");

        exitCode.Should().Be(0, output);
        output.Should().Contain($"(Local) at {qa.Url}").And.Contain($"ResearchAssistant (qa) answers at {qa.Url}");
        summary.Should().Contain("| Outcome | Deployed |").And.EndWith($"ResearchAssistant (qa) answers at {qa.Url}\n");
        (await Http.GetStringAsync(new Uri(qa.Url, "health"))).Should().Contain("\"version\":\"v1\"");
        using (var report = JsonDocument.Parse(File.ReadAllText(Root["artifacts/deploy/qa.json"])))
        {
            report.RootElement.GetProperty("outcome").GetString().Should().Be("Deployed");
            report.RootElement.GetProperty("smoke").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("passed").GetBoolean()))
                .Should().Equal(("health", true), ("query", true), ("metrics", true));
        }

        var containers = await Fixture.ContainersAsync(QaRelease);
        containers.Select(c => c.Labels[LocalLabels.Role]).Should().BeEquivalentTo(new[] { "router", "release" });
        containers.Should().OnlyContain(c => c.Labels[TollgateLabels.Session] == "deploy-qa", "the component labels what it creates with its session");

        LocalEngineFixture.WriteImageRecord(Root, Fixture.Broken, "broken");
        (exitCode, output, summary) = await build.RunAsync(Root.Path, "DeployStaging", "--skip", "--environment", "qa");

        exitCode.Should().Be(1);
        output.Should().Contain("DeployStaging to qa RolledBack:").And.Contain($"(the previous release keeps serving at {qa.Url})");
        summary.Should().Contain("| Outcome | RolledBack |").And.NotContain("answers at");
        (await Http.GetStringAsync(new Uri(qa.Url, "health"))).Should().Contain("\"version\":\"v1\"");

        LocalEngineFixture.WriteImageRecord(Root, Fixture.Second, "v2");
        (exitCode, output, _) = await build.RunAsync(Root.Path, "DeployStaging", "--skip", "--environment", "qa");

        exitCode.Should().Be(0, output);
        (await Http.GetStringAsync(new Uri(qa.Url, "health"))).Should().Contain("\"version\":\"v2\"");
        var release = (await Fixture.ContainersAsync(QaRelease)).Should().ContainSingle(c => c.Labels[LocalLabels.Role] == "release").Subject;
        release.Labels[LocalLabels.Image].Should().Be(Fixture.Second);
        release.Labels[LocalLabels.PreviousImage].Should().Be(Fixture.Good, "the state, with the rollback target, lives in the container labels");
    }

    [RequiresEngineFact]
    public async Task DestroyEnvironment_removes_the_named_environment_and_leaves_the_other_serving()
    {
        var qa = LocalDeployBuild.Environment("qa", QaRelease);
        var dev = LocalDeployBuild.Environment("dev", DevRelease);
        var build = new LocalDeployBuild(qa, dev);
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Good, "v1");
        foreach (var name in new[] { "qa", "dev" })
        {
            var (deployed, deployOutput, _) = await build.RunAsync(Root.Path, "DeployStaging", "--skip", "--environment", name);
            deployed.Should().Be(0, deployOutput);
        }

        var (exitCode, output, _) = await build.RunAsync(Root.Path, "DestroyEnvironment", "--environment", "qa");

        exitCode.Should().Be(0, output);
        output.Should().Contain($"removed 2 containers and 1 networks of {QaRelease}");
        (await Fixture.ContainersAsync(QaRelease)).Should().BeEmpty();
        var unreachable = async () => await Http.GetAsync(new Uri(qa.Url, "health"));
        await unreachable.Should().ThrowAsync<HttpRequestException>("nothing listens on the destroyed environment's port");
        (await Fixture.ContainersAsync(DevRelease)).Should().HaveCount(2);
        (await Http.GetStringAsync(new Uri(dev.Url, "health"))).Should().Contain("\"version\":\"v1\"", "the other environment keeps serving");

        (exitCode, output, _) = await build.RunAsync(Root.Path, "DestroyEnvironment", "--environment", "qa");
        exitCode.Should().Be(0, output);
        output.Should().Contain($"removed 0 containers and 0 networks of {QaRelease}", "destroying twice is harmless");
    }
}
