using Tollgate.Containers;
using Tollgate.Deployment.Local;

namespace Tollgate.TestSupport;

/// <summary>
/// What every engine collection fixture shares: a <see cref="LocalEngine"/> started once for the collection when
/// <see cref="RequiredTools.EngineExpected"/>, the fixture's test images built on it (<see cref="BuildImagesAsync"/>,
/// within ten minutes), and everything carrying its session label removed at the end.
/// </summary>
public abstract class EngineImagesFixture : IAsyncLifetime
{
    private LocalEngine? _local;

    /// <summary>The engine is set up, and the images built, with the engine's real process runner logging to <paramref name="log"/>.</summary>
    protected EngineImagesFixture(IBuildLog log)
    {
        Log = log;
        Processes = new ProcessRunner(log, new SecretMasker(), new ToolLocator(toolsDirectory: null));
    }

    /// <summary>What setting up the engine and building the images logged.</summary>
    public IBuildLog Log { get; }

    public string Session => Local.Session;

    public ContainerEngineClient Engine => Local.Engine;

    /// <summary>The router image, made from the repository's router project.</summary>
    public RouterImage RouterImage => Local.RouterImage;

    /// <summary>The runtime base image made from the host's .NET.</summary>
    public string RuntimeImage => Local.RuntimeImage;

    /// <summary>The process runner the images are built with.</summary>
    protected IProcessRunner Processes { get; }

    /// <summary>Whether the engine was started (it is not when no engine is expected on this machine).</summary>
    protected bool Started => _local is not null;

    protected LocalEngine Local => _local ?? throw new InvalidOperationException("No container engine: the fixture did not start one.");

    public async Task InitializeAsync()
    {
        if (!RequiredTools.EngineExpected)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        _local = await LocalEngine.StartAsync(Processes, Log, timeout.Token);
        await BuildImagesAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.DisposeAsync();
        }
    }

    /// <summary>Builds the fixture's images on <see cref="Local"/>.</summary>
    protected abstract Task BuildImagesAsync(CancellationToken cancellationToken);
}
