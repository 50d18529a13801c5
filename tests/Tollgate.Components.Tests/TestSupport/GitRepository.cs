namespace Tollgate.Components.Tests.TestSupport;

/// <summary>A real git repository in a temp directory, driven through the engine's process runner.</summary>
public sealed class GitRepository(TempDirectory directory)
{
    private readonly ProcessRunner _processes = Processes.Create();

    public async Task<string> GitAsync(params string[] arguments)
    {
        var command = new CommandSpec("git").WithArguments(arguments).WithWorkingDirectory(directory.Path).WithCapture()
            .WithEnvironment("GIT_AUTHOR_NAME", "Test").WithEnvironment("GIT_AUTHOR_EMAIL", "test@example.invalid")
            .WithEnvironment("GIT_COMMITTER_NAME", "Test").WithEnvironment("GIT_COMMITTER_EMAIL", "test@example.invalid")
            .WithEnvironment("GIT_CONFIG_GLOBAL", "/dev/null");
        return (await _processes.RunAsync(command, CancellationToken.None)).StandardOutput.Trim();
    }

    public async Task InitAsync()
    {
        await GitAsync("init", "-q", "-b", "main");
        await CommitAllAsync("initial");
    }

    public async Task CommitAllAsync(string message)
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "--allow-empty", "-m", message);
    }
}
