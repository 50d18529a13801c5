namespace Tollgate.Containers.Tests;

/// <summary>
/// One engine connection and one set of host-built base images for every test in the collection (building the SDK image
/// takes about 20 s, so it is built once). Everything tests create carries this run's session label and is removed at
/// the end; the base images stay cached, as the Build stage leaves them.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public string Session { get; } = "test-" + TollgateLabels.NewSession();

    public TestLog Log { get; } = new();

    public ContainerEngineClient? Client { get; private set; }

    /// <summary>Why the engine tests cannot run here, or null.</summary>
    public string? Unavailable { get; private set; }

    public IReadOnlyDictionary<string, string> Labels => TollgateLabels.For(Session, "tests");

    public IProcessRunner Processes { get; } = new ProcessRunner(new TestLog(), new SecretMasker(), new ToolLocator(null));

    private readonly Lazy<Task<BaseImage>> _runtime;
    private readonly Lazy<Task<BaseImage>> _sdk;

    public EngineFixture()
    {
        _runtime = new(() => new HostDotnetBaseImages(Engine, Processes, Log).EnsureRuntimeImageAsync(CancellationToken.None));
        _sdk = new(() => new HostDotnetBaseImages(Engine, Processes, Log).EnsureSdkImageAsync(CancellationToken.None));
    }

    public async Task InitializeAsync()
    {
        try
        {
            Client = await ContainerEngineClient.ConnectAsync(Log, CancellationToken.None);
        }
        catch (EngineNotFoundException exception)
        {
            Unavailable = exception.Message;
        }
    }

    /// <summary>The client; in CI (TOLLGATE_REQUIRE_TOOLS=1) a missing engine fails the test, elsewhere it is skipped by the fact.</summary>
    public ContainerEngineClient Engine => Client ?? throw new InvalidOperationException("No container engine: " + Unavailable);

    public Task<BaseImage> RuntimeAsync() => _runtime.Value;

    public Task<BaseImage> SdkAsync() => _sdk.Value;

    public async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.RemoveByLabelAsync(TollgateLabels.SessionFilter(Session), includeImages: true, CancellationToken.None);
            Client.Dispose();
        }

    }
}

[CollectionDefinition(Name)]
public sealed class EngineGroup : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
