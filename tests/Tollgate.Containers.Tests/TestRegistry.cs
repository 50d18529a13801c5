using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

/// <summary>A docker-registry process of the test's own on a free port, optionally with htpasswd, stopped on dispose.</summary>
public sealed class TestRegistry : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("tollgate-registry");
    private readonly LocalRegistry _registry;

    private TestRegistry(TestLog log) => _registry = new LocalRegistry(_directory["state"], log);

    public string Address { get; private set; } = string.Empty;

    public static async Task<TestRegistry> StartAsync(TestLog log, RegistryCredentials? login)
    {
        var registry = new TestRegistry(log);
        string? htpasswd = null;
        if (login is not null)
        {
            htpasswd = registry._directory["htpasswd"];
            var result = await new ProcessRunner(log, new SecretMasker(), new ToolLocator(null))
                .RunAsync(new CommandSpec("htpasswd").WithArguments("-Bbn", login.Username, login.Password).WithCapture() with { LogOutput = false }, CancellationToken.None);
            await File.WriteAllTextAsync(htpasswd, result.StandardOutput);
        }

        registry.Address = await registry._registry.StartAsync(LocalRegistry.FreePort(), htpasswd, CancellationToken.None);
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.StopAsync(CancellationToken.None);
        _directory.Dispose();
    }
}
