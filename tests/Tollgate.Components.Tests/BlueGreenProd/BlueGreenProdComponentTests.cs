using Tollgate.Components.Tests.TestSupport;
using Tollgate.Deployment.BlueGreen;

namespace Tollgate.Components.Tests.BlueGreenProd;

public sealed class BlueGreenProdComponentTests : IAsyncLifetime, IDisposable
{
    private const string Digest = "sha256:4c1f6a7e1a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5";
    private const string Revision = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    private static readonly string[] Fast = ["--scale-down-delay", "0s", "--pre-promotion-count", "1", "--post-promotion-duration", "1s", "--analysis-interval", "1s"];
    private readonly TempDirectory _root = new();
    private ColourService _service = null!;

    public async Task InitializeAsync() => _service = await ColourService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task BlueGreenProd_deploys_the_image_of_image_json_switches_colours_and_writes_the_summary_and_the_history()
    {
        WriteImageJson();
        var platform = InMemoryBlueGreenPlatform.Serving(_service.Url, Colour.Blue, "old@sha256:" + new string('0', 64));

        var (exitCode, output, summary) = await GitHubRun.RunAsync(new BlueGreenBuild(platform), _root.Path, ["BlueGreenProd", .. Fast]);

        exitCode.Should().Be(0, output);
        platform.Calls.Should().Equal($"deploy green 127.0.0.1:5000/research-assistant@{Digest}", "preview green", "switch green", "scale-down blue");
        summary.Should().Contain("### BlueGreenProd: prod, green: Succeeded").And.Contain("pre-promotion").And.Contain("post-promotion");
        output.Should().Contain($"prod serves green (127.0.0.1:5000/research-assistant@{Digest})")
            .And.MatchRegex(@"BlueGreenProd [^\n]*Succeeded[^\n]* http\S+ \(prod, green active\)", "the table's Note column shows the URL and the active colour");
        output.TrimEnd().Should().EndWith("Build succeeded");
        File.ReadAllText(Path.Combine(_root.Path, "deployments", "history.jsonl")).Should().Contain("\"green\"").And.Contain(Digest)
            .And.Contain($"\"commit\":\"{Revision}\"", "the record names the commit the image was built from (image.json's revision)");
        output.Should().NotContain("left by a run that did not finish");
    }

    [Fact]
    public async Task A_running_idle_colour_left_by_a_run_that_did_not_finish_is_reported_and_replaced()
    {
        WriteImageJson();
        var leftover = "half@sha256:" + new string('3', 64);
        var platform = InMemoryBlueGreenPlatform.Serving(_service.Url, Colour.Blue, "old@sha256:" + new string('0', 64)).WithLeftover(Colour.Green, leftover);

        var (exitCode, output, summary) = await GitHubRun.RunAsync(new BlueGreenBuild(platform), _root.Path, ["BlueGreenProd", .. Fast]);

        exitCode.Should().Be(0, output);
        output.Should().Contain($"green ({leftover}) runs without production traffic, left by a run that did not finish (killed, or paused for a decision): it is replaced");
        platform.Calls.Should().Equal($"deploy green 127.0.0.1:5000/research-assistant@{Digest}", "preview green", "switch green", "scale-down blue");
        summary.Should().Contain("### BlueGreenProd: prod, green: Succeeded");
    }

    [Fact]
    public async Task The_image_parameter_overrides_image_json()
    {
        WriteImageJson();
        var platform = InMemoryBlueGreenPlatform.Serving(_service.Url, Colour.Green, "old@sha256:" + new string('0', 64));
        var other = "localhost/other@sha256:" + new string('a', 64);

        var (exitCode, output, _) = await GitHubRun.RunAsync(new BlueGreenBuild(platform), _root.Path, ["BlueGreenProd", "--blue-green-image", other, .. Fast]);

        exitCode.Should().Be(0, output);
        platform.Calls[0].Should().Be($"deploy blue {other}");
        output.Should().Contain($"The commit of {other} is not known (artifacts/image/image.json does not describe it)");
        File.ReadAllText(Path.Combine(_root.Path, "deployments", "history.jsonl")).Should().Contain("\"commit\":\"unknown\"")
            .And.NotContain(Revision, "image.json's revision belongs to another image");
    }

    [Fact]
    public async Task Without_image_json_or_a_parameter_the_target_fails_and_says_how_to_produce_the_image()
    {
        var platform = InMemoryBlueGreenPlatform.Serving(_service.Url, Colour.Blue, "old@sha256:" + new string('0', 64));

        var (exitCode, output, _) = await GitHubRun.RunAsync(new BlueGreenBuild(platform), _root.Path, ["BlueGreenProd", .. Fast]);

        exitCode.Should().Be(1);
        output.Should().Contain("artifacts/image/image.json does not exist: run the Build target first");
        platform.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task A_colour_that_does_not_become_ready_fails_the_target_removes_it_and_keeps_production_where_it_was()
    {
        WriteImageJson();
        var platform = new InMemoryBlueGreenPlatform(_service.Url) { DeployProblem = "/health did not answer 200 within 30 s" };

        var (exitCode, output, summary) = await GitHubRun.RunAsync(new BlueGreenBuild(platform), _root.Path, ["BlueGreenProd", .. Fast]);

        exitCode.Should().Be(1);
        output.Should().Contain("BlueGreenProd Failed (blue): /health did not answer 200 within 30 s");
        summary.Should().Contain("### BlueGreenProd: prod, blue: Failed").And.Contain("blue removed; production stays on nothing (first deployment)");
        platform.Calls.Should().Equal($"deploy blue 127.0.0.1:5000/research-assistant@{Digest}", "remove blue");
    }

    [Fact]
    public async Task Rollback_acts_on_the_live_state_and_reports_it_in_the_summary()
    {
        var platform = InMemoryBlueGreenPlatform.Serving(_service.Url, Colour.Green, "new@sha256:" + new string('2', 64), warm: Colour.Blue);

        var (exitCode, output, summary) = await GitHubRun.RunAsync(new BlueGreenBuild(platform), _root.Path, "Rollback");

        exitCode.Should().Be(0, output);
        platform.Calls.Should().Equal("scale-up blue", "switch blue", "preview blue", "scale-down green");
        summary.Should().Contain("### prod: rolled back from green to blue");
    }

    [Fact]
    public async Task An_unknown_platform_name_fails_with_the_choices()
    {
        WriteImageJson();

        var (exitCode, output, _) = await GitHubRun.RunAsync(new BlueGreenBuild(null), _root.Path, ["BlueGreenProd", "--blue-green-platform", "nomad", .. Fast]);

        exitCode.Should().Be(1);
        output.Should().Contain("--blue-green-platform 'NOMAD' is not a platform; use kubernetes or local.");
    }

    private void WriteImageJson() => _root.Write("artifacts/image/image.json",
        "{\"reference\": \"127.0.0.1:5000/research-assistant@" + Digest + "\", \"manifest\": {\"repository\": \"127.0.0.1:5000/research-assistant\", \"tags\": [\"1.2.3\"], \"digest\": \"" + Digest + "\", \"revision\": \"" + Revision + "\"}}");
}
