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
public sealed class DeployStagingLocalTests(LocalEngineFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _root = new("tollgate-deploy-local");
    private readonly string _qaRelease = LocalEngineFixture.NewRelease();
    private readonly string _devRelease = LocalEngineFixture.NewRelease();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Task InitializeAsync()
    {
        LocalEngineFixture.PrepareRoot(_root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await fixture.RemoveReleaseAsync(_qaRelease);
        await fixture.RemoveReleaseAsync(_devRelease);
    }

    public void Dispose()
    {
        _http.Dispose();
        _root.Dispose();
    }

    [RequiresEngineFact]
    public async Task The_built_image_is_deployed_behind_the_router_redeployed_and_a_failing_release_is_rolled_back_while_the_previous_serves()
    {
        var qa = LocalDeployBuild.Environment("qa", _qaRelease);
        var build = new LocalDeployBuild(qa, LocalDeployBuild.Environment("dev", _devRelease));
        LocalEngineFixture.WriteImageRecord(_root, fixture.Good, "v1");

        var (exitCode, output, summary) = await build.RunAsync(_root.Path, "DeployStaging", "--skip", "--environment", "qa");

        exitCode.Should().Be(0, output);
        output.Should().Contain($"(Local) at {qa.Url}").And.Contain($"ResearchAssistant (qa) answers at {qa.Url}");
        summary.Should().Contain("| Outcome | Deployed |").And.EndWith($"ResearchAssistant (qa) answers at {qa.Url}\n");
        (await _http.GetStringAsync(new Uri(qa.Url, "health"))).Should().Contain("\"version\":\"v1\"");
        using (var report = JsonDocument.Parse(File.ReadAllText(_root["artifacts/deploy/qa.json"])))
        {
            report.RootElement.GetProperty("outcome").GetString().Should().Be("Deployed");
            report.RootElement.GetProperty("smoke").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("passed").GetBoolean()))
                .Should().Equal(("health", true), ("query", true), ("metrics", true));
        }

        var containers = await fixture.ContainersAsync(_qaRelease);
        containers.Select(c => c.Labels[LocalLabels.Role]).Should().BeEquivalentTo(new[] { "router", "release" });
        containers.Should().OnlyContain(c => c.Labels[TollgateLabels.Session] == "deploy-qa", "the component labels what it creates with its session");

        LocalEngineFixture.WriteImageRecord(_root, fixture.Broken, "broken");
        (exitCode, output, summary) = await build.RunAsync(_root.Path, "DeployStaging", "--skip", "--environment", "qa");

        exitCode.Should().Be(1);
        output.Should().Contain("DeployStaging to qa RolledBack:").And.Contain($"(the previous release keeps serving at {qa.Url})");
        summary.Should().Contain("| Outcome | RolledBack |").And.NotContain("answers at");
        (await _http.GetStringAsync(new Uri(qa.Url, "health"))).Should().Contain("\"version\":\"v1\"");

        LocalEngineFixture.WriteImageRecord(_root, fixture.Second, "v2");
        (exitCode, output, _) = await build.RunAsync(_root.Path, "DeployStaging", "--skip", "--environment", "qa");

        exitCode.Should().Be(0, output);
        (await _http.GetStringAsync(new Uri(qa.Url, "health"))).Should().Contain("\"version\":\"v2\"");
        var release = (await fixture.ContainersAsync(_qaRelease)).Should().ContainSingle(c => c.Labels[LocalLabels.Role] == "release").Subject;
        release.Labels[LocalLabels.Image].Should().Be(fixture.Second);
        release.Labels[LocalLabels.PreviousImage].Should().Be(fixture.Good, "the state, with the rollback target, lives in the container labels");
    }

    [RequiresEngineFact]
    public async Task DestroyEnvironment_removes_the_named_environment_and_leaves_the_other_serving()
    {
        var qa = LocalDeployBuild.Environment("qa", _qaRelease);
        var dev = LocalDeployBuild.Environment("dev", _devRelease);
        var build = new LocalDeployBuild(qa, dev);
        LocalEngineFixture.WriteImageRecord(_root, fixture.Good, "v1");
        foreach (var name in new[] { "qa", "dev" })
        {
            var (deployed, deployOutput, _) = await build.RunAsync(_root.Path, "DeployStaging", "--skip", "--environment", name);
            deployed.Should().Be(0, deployOutput);
        }

        var (exitCode, output, _) = await build.RunAsync(_root.Path, "DestroyEnvironment", "--environment", "qa");

        exitCode.Should().Be(0, output);
        output.Should().Contain($"removed 2 containers and 1 networks of {_qaRelease}");
        (await fixture.ContainersAsync(_qaRelease)).Should().BeEmpty();
        var unreachable = async () => await _http.GetAsync(new Uri(qa.Url, "health"));
        await unreachable.Should().ThrowAsync<HttpRequestException>("nothing listens on the destroyed environment's port");
        (await fixture.ContainersAsync(_devRelease)).Should().HaveCount(2);
        (await _http.GetStringAsync(new Uri(dev.Url, "health"))).Should().Contain("\"version\":\"v1\"", "the other environment keeps serving");

        (exitCode, output, _) = await build.RunAsync(_root.Path, "DestroyEnvironment", "--environment", "qa");
        exitCode.Should().Be(0, output);
        output.Should().Contain($"removed 0 containers and 0 networks of {_qaRelease}", "destroying twice is harmless");
    }
}
