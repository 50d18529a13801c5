using System.Globalization;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Local;

/// <summary>
/// The set-up of a component test that runs builds on the local container platform: a build root holding the router's
/// sources (<see cref="LocalEngineFixture.PrepareRoot"/>), release names of the test's own whose containers and networks
/// are removed at the end, a free port for the service and an HTTP client to ask it which version answers.
/// </summary>
public abstract class LocalPlatformTest : IAsyncLifetime, IDisposable
{
    private readonly string[] _releases;

    /// <summary>Names the build root after <paramref name="rootPrefix"/>; makes <paramref name="releases"/> release names.</summary>
    protected LocalPlatformTest(LocalEngineFixture fixture, string rootPrefix, int releases = 1)
    {
        Fixture = fixture;
        Root = new TempDirectory(rootPrefix);
        _releases = [.. Enumerable.Range(0, releases).Select(_ => LocalEngineFixture.NewRelease())];
    }

    protected LocalEngineFixture Fixture { get; }

    protected TempDirectory Root { get; }

    protected HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The test's release names; <see cref="Release"/> is the first.</summary>
    protected IReadOnlyList<string> Releases => _releases;

    protected string Release => _releases[0];

    /// <summary>A free port on 127.0.0.1 for the environment the test deploys.</summary>
    protected int Port { get; } = DeployStaging.ResearchAssistantProcess.FreePort();

    /// <summary>The environment's URL on <see cref="Port"/>.</summary>
    protected Uri Url => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public Task InitializeAsync()
    {
        LocalEngineFixture.PrepareRoot(Root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var release in _releases)
        {
            await Fixture.RemoveReleaseAsync(release);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Runs <see cref="StandaloneBuild"/> as a child process (<paramref name="args"/>) until it prints a line containing
    /// <paramref name="killAfter"/>, then runs <paramref name="whileRunning"/> (checks of what the live build left) and sends
    /// SIGKILL to its process group: no finally block, no cancellation, no cleanup runs. Returns its output.
    /// </summary>
    protected async Task<string> KilledBuildOutputAsync(string[] args, string killAfter, Func<Task>? whileRunning = null)
    {
        using var build = BuildPrograms.StartStandalone(Root.Path, args);
        (await build.WaitForLineAsync(killAfter, TimeSpan.FromMinutes(4))).Should().BeTrue($"the build logs '{killAfter}'; its output:\n" + build.Output);
        build.HasExited.Should().BeFalse($"the build is killed while it runs, after '{killAfter}'; its output:\n" + build.Output);
        if (whileRunning is not null)
        {
            await whileRunning();
        }

        await build.KillGroupAsync();
        build.ExitCode.Should().Be(137, "SIGKILL ends the process (128 + 9); its output:\n" + build.Output);
        return build.Output;
    }

    /// <summary>The version the service at <paramref name="service"/> (default <see cref="Url"/>) reports on /health.</summary>
    protected async Task<string?> VersionAsync(Uri? service = null)
    {
        using var health = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync(new Uri(service ?? Url, "health")));
        return health.RootElement.GetProperty("version").GetString();
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
            Root.Dispose();
        }
    }
}
