using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;
using Tollgate.Deployment.Local;
using Xunit.Abstractions;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>
/// The pipeline itself is killed: a build program running the BlueGreenProd target through the engine, in a child
/// process of its own process group, gets SIGKILL (no finally block, no cancellation, no cleanup runs) while the new
/// colour sits in the preview under pre-promotion analysis, or after the switch while post-promotion analysis runs and
/// the previous colour is still warm. The same target run again through the engine reads the live state from the
/// router and the container labels, says what it found and what it replaced, and ends with one healthy active colour
/// on the prod port, the router, the scaled-down previous colour, and nothing else.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class KilledBlueGreenProdTests(LocalEngineFixture fixture, ITestOutputHelper testOutput) : IAsyncLifetime, IDisposable
{
    private static readonly string[] Fast = ["--scale-down-delay", "0s", "--pre-promotion-count", "1", "--post-promotion-duration", "1s", "--analysis-interval", "1s"];
    private readonly TempDirectory _root = new("tollgate-blue-green-killed");
    private readonly string _release = LocalEngineFixture.NewRelease();
    private readonly int _port = DeployStaging.ResearchAssistantProcess.FreePort();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private string[] ProdArguments => ["--prod-release", _release, "--prod-port", _port.ToString(CultureInfo.InvariantCulture)];

    public Task InitializeAsync()
    {
        LocalEngineFixture.PrepareRoot(_root);
        Directory.CreateDirectory(_root[".nuke"]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await fixture.RemoveReleaseAsync(_release);

    public void Dispose()
    {
        _http.Dispose();
        _root.Dispose();
    }

    [RequiresEngineTheory]
    [InlineData("pre-promotion", "green", "v1", "blue")]
    [InlineData("post-promotion", "blue", "v2", "green")]
    public async Task BlueGreenProd_killed_with_SIGKILL_during_analysis_and_run_again_ends_with_one_healthy_active_colour_and_no_orphans(
        string killedIn, string expectedActive, string servedWhenKilled, string liveWhenKilled)
    {
        LocalEngineFixture.WriteImageRecord(_root, fixture.Good, "v1");
        var (exitCode, output, _) = await GitHubRun.RunAsync(new StandaloneBlueGreenBuild(), _root.Path, ["BlueGreenProd", .. ProdArguments, .. Fast]);
        exitCode.Should().Be(0, output);

        // The pipeline: the same build program as a process, its analysis long enough to be killed inside (detected by its log line).
        LocalEngineFixture.WriteImageRecord(_root, fixture.Second, "v2");
        var lines = new ConcurrentQueue<string>();
        string[] longAnalysis = killedIn == "pre-promotion" ? ["--pre-promotion-count", "300"] : ["--pre-promotion-count", "1", "--post-promotion-duration", "300s"];
        using (var build = StartBuild(lines, ["BlueGreenProd", .. ProdArguments, .. longAnalysis, "--analysis-interval", "1s", "--no-logo"]))
        {
            try
            {
                var reached = await WaitForAsync(() => lines.Any(l => l.Contains($"analysis {killedIn}:", StringComparison.Ordinal)) || build.HasExited, TimeSpan.FromMinutes(4));
                reached.Should().BeTrue($"the build reaches {killedIn} analysis; its output:\n" + string.Join('\n', lines));
                build.HasExited.Should().BeFalse($"the build is killed inside {killedIn} analysis; its output:\n" + string.Join('\n', lines));
                var green = await ColourContainerAsync("green");
                green.Should().NotBeNull("the candidate runs when the pipeline is killed");
                green!.IsRunning.Should().BeTrue();
                green.Labels[LocalLabels.Version].Should().Be("v2");
                (await ColourContainerAsync("blue")).Should().Match<ContainerDetails>(c => c.IsRunning, "the previous colour still serves or is kept warm");
                (await VersionAsync()).Should().Be(servedWhenKilled, $"prod is served by {liveWhenKilled} when the build is killed");

                await KillProcessGroupAsync(build);
            }
            finally
            {
                if (!build.HasExited)
                {
                    build.Kill(entireProcessTree: true);
                }
            }

            await build.WaitForExitAsync();
            build.ExitCode.Should().Be(137, "SIGKILL ends the process (128 + 9); its output:\n" + string.Join('\n', lines));
        }

        lines.Should().NotContain(l => l.Contains("scaled down", StringComparison.Ordinal) || l.Contains("Build succeeded", StringComparison.Ordinal), "the build never finished");
        var rerun = await GitHubRun.RunAsync(new StandaloneBlueGreenBuild(), _root.Path, ["BlueGreenProd", .. ProdArguments, .. Fast]);

        testOutput.WriteLine("killed build:\n" + string.Join('\n', lines) + "\nrerun:\n" + rerun.Output);
        rerun.ExitCode.Should().Be(0, rerun.Output);
        var idleWhenKilled = liveWhenKilled == "blue" ? "green" : "blue";
        rerun.Output.Should().Contain($"live state: active {liveWhenKilled} (").And.Contain($"; {idleWhenKilled} (", "the rerun reports both colours the killed run left running")
            .And.Contain($"tollgate-{_release}-{expectedActive} (", "the leftover idle colour is replaced");
        rerun.Output.Should().MatchRegex($@"{expectedActive} \([^)]+\) runs without production traffic, left by a run that did not finish", "the rerun says what the killed run left");
        rerun.Output.Should().Contain("replaced by the new version").And.Contain($"production traffic switched to {expectedActive}");
        rerun.StepSummary.Should().Contain($"### BlueGreenProd: prod, {expectedActive}: Succeeded");

        var containers = await fixture.ContainersAsync(_release);
        containers.Should().HaveCount(3, "the router, the active colour and the scaled-down previous colour: " + string.Join(", ", containers.Select(c => c.Name)));
        containers.Where(c => c.Labels[LocalLabels.Role] == "router").Should().ContainSingle().Which.IsRunning.Should().BeTrue();
        var colours = containers.Where(c => c.Labels[LocalLabels.Role] == "colour").ToList();
        colours.Select(c => c.Labels[LocalLabels.Colour]).Should().BeEquivalentTo("blue", "green");
        colours.Where(c => c.IsRunning).Should().ContainSingle("exactly one colour serves").Which.Labels[LocalLabels.Colour].Should().Be(expectedActive);
        (await VersionAsync()).Should().Be("v2", "the prod port answers from the active colour");
    }

    /// <summary>Starts the build program in a process group of its own (setsid), so the whole group can be killed.</summary>
    private Process StartBuild(ConcurrentQueue<string> lines, string[] args)
    {
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root.Path };
        // The build runs on the terminal host, as ./build.sh on a developer's machine: a CI runner's variables would switch it.
        CiRunnerVariables.RemoveFrom(start.Environment);
        foreach (var argument in new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "Tollgate.Components.Tests.dll"), "blue-green-build" }.Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        var build = Process.Start(start)!;
        build.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? string.Empty);
        build.ErrorDataReceived += (_, e) => lines.Enqueue(e.Data ?? string.Empty);
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();
        return build;
    }

    /// <summary>SIGKILL to the build's whole process group (setsid made the build its leader: group id = its pid).</summary>
    private static async Task KillProcessGroupAsync(Process build)
    {
        var group = File.ReadAllText($"/proc/{build.Id.ToString(CultureInfo.InvariantCulture)}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        group.Should().Be(build.Id.ToString(CultureInfo.InvariantCulture), "the build leads its own process group");
        using var kill = Process.Start("kill", ["-KILL", "--", "-" + group]);
        await kill.WaitForExitAsync();
        kill.ExitCode.Should().Be(0);
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private async Task<ContainerDetails?> ColourContainerAsync(string colour) =>
        (await fixture.ContainersAsync(_release)).SingleOrDefault(c => c.Labels.GetValueOrDefault(LocalLabels.Role) == "colour" && c.Labels.GetValueOrDefault(LocalLabels.Colour) == colour);

    private async Task<string?> VersionAsync()
    {
        using var health = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync(new Uri($"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/health")));
        return health.RootElement.GetProperty("version").GetString();
    }
}
