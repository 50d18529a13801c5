using System.Diagnostics;
using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

/// <summary>
/// A podman engine of the tests' own: <c>podman system service</c> on a socket in a temporary directory, with its own
/// storage (<c>--root</c>, <c>--runroot</c>), so nothing of the shared Docker daemon or another podman user is touched.
/// The engine is found through the same discovery as Docker (<c>DOCKER_HOST</c> pointing at the socket). At the end
/// the service is stopped, everything in its storage removed and the directory deleted.
/// </summary>
public sealed class PodmanFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _state = new("tollgate-podman");
    private Process? _service;
    private Lazy<Task<BaseImage>>? _runtime;

    public string Session { get; } = "test-" + TollgateLabels.NewSession();

    public TestLog Log { get; } = new();

    public string SocketPath => _state["podman.sock"];

    public string? Podman { get; } = RequiredTools.FindOnPath("podman");

    public EngineInfo? Engine { get; private set; }

    public ContainerEngineClient? Client { get; private set; }

    /// <summary>Why podman cannot be tested here, or null.</summary>
    public string? Unavailable { get; private set; }

    public IReadOnlyDictionary<string, string> Labels => TollgateLabels.For(Session, "tests");

    public IProcessRunner Processes { get; } = new ProcessRunner(new TestLog(), new SecretMasker(), new ToolLocator(null));

    public ContainerEngineClient Api => Client ?? throw new InvalidOperationException("podman is not available: " + Unavailable);

    public Task<BaseImage> RuntimeAsync() => (_runtime ??= new(() => new HostDotnetBaseImages(Api, Processes, Log).EnsureRuntimeImageAsync(CancellationToken.None))).Value;

    public async Task InitializeAsync()
    {
        if (Podman is null)
        {
            Unavailable = "podman is not installed (.ci/install.d/40-podman.sh)";
            return;
        }

        var start = new ProcessStartInfo(Podman) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        // podman talks HTTPS to every registry not marked insecure; the tests' registries are plain HTTP on 127.0.0.1 (any
        // port), as .ci/install.d/40-podman.sh marks 127.0.0.1:5000 for the Build stage. `localhost` stays unmarked.
        await File.WriteAllTextAsync(_state["registries.conf"], "unqualified-search-registries = []\n\n[[registry]]\nlocation = \"127.0.0.1\"\ninsecure = true\n");
        start.Environment["CONTAINERS_REGISTRIES_CONF"] = _state["registries.conf"];
        foreach (var argument in StorageArguments().Concat(["system", "service", "--time=0", "unix://" + SocketPath]))
        {
            start.ArgumentList.Add(argument);
        }

        _service = Process.Start(start) ?? throw new InvalidOperationException("podman did not start");
        _service.BeginErrorReadLine();
        _service.BeginOutputReadLine();

        var locator = new EngineLocator(name => name == "DOCKER_HOST" ? "unix://" + SocketPath : null, TimeSpan.FromSeconds(5));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!timeout.IsCancellationRequested && !_service.HasExited)
        {
            try
            {
                Engine = await locator.LocateAsync(timeout.Token);
                Client = new ContainerEngineClient(Engine, Log);
                return;
            }
            catch (EngineNotFoundException exception)
            {
                Unavailable = exception.Message;
                await Task.Delay(200, CancellationToken.None);
            }
        }

        Unavailable = $"podman system service did not answer on {SocketPath}: {Unavailable}";
    }

    public async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.RemoveByLabelAsync(TollgateLabels.SessionFilter(Session), includeImages: true, CancellationToken.None);
            Client.Dispose();
        }

        if (_service is { HasExited: false })
        {
            _service.Kill(entireProcessTree: true);
            await _service.WaitForExitAsync(CancellationToken.None);
        }

        _service?.Dispose();
        if (Podman is not null)
        {
            // The storage is this fixture's own: remove every container and image in it, so no overlay mount is left.
            await RunPodmanAsync("rm", "--all", "--force", "--time", "0");
            await RunPodmanAsync("rmi", "--all", "--force");
        }
    }

    /// <summary>Deletes the fixture's state folder; xunit calls it after <see cref="DisposeAsync"/> removed what podman keeps there.</summary>
    public void Dispose() => _state.Dispose();

    private string[] StorageArguments() => ["--root", _state["storage"], "--runroot", _state["run"], "--tmpdir", _state["tmp"]];

    private async Task RunPodmanAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Podman!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in StorageArguments().Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
    }
}

[CollectionDefinition(Name)]
public sealed class PodmanGroup : ICollectionFixture<PodmanFixture>
{
    public const string Name = "podman";
}
