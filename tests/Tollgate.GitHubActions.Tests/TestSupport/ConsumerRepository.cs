using System.Diagnostics;
using Tollgate.GitHubActions.Harness;
using Tollgate.TestSupport;

namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>
/// A git repository of a consumer: build.sh starts the consumer build program (one variant), the workflows are generated
/// by that build through the engine and committed. Deleted with its harness work folder on dispose.
/// </summary>
internal sealed class ConsumerRepository : IDisposable
{
    private readonly TempDirectory _directory = new("tollgate-consumer");

    private ConsumerRepository()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Work);
    }

    public string Root => _directory["repo"];

    public string Work => _directory["harness"];

    /// <summary>A repository whose build.sh runs the given variant, with the workflows that variant generates.</summary>
    public static async Task<ConsumerRepository> CreateAsync(string variant, TollgateBuild build)
    {
        var repository = new ConsumerRepository();
        var program = Path.Combine(AppContext.BaseDirectory, "Tollgate.GitHubActions.ConsumerBuild.dll");
        repository.Write("build.sh", $"#!/usr/bin/env bash\nset -euo pipefail\nexec dotnet '{program}' {variant} \"$@\"\n");
        repository.Write(".nuke/parameters.json", "{}\n");
        repository.Write(".gitignore", "artifacts/\nsrc/App/bin/\n.nuke/temp/\n");
        var (exitCode, output) = await RunBuildAsync(build, repository.Root, "GenerateWorkflows");
        exitCode.Should().Be(0, output);
        await repository.CommitAsync("A consumer with generated workflows");
        return repository;
    }

    /// <summary>Runs a build in-process through the engine's command line, in <paramref name="root"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunBuildAsync(TollgateBuild build, string root, params string[] args)
    {
        using var output = new StringWriter();
        var settings = new BuildRunSettings
        {
            Output = output,
            OutputRedirected = true,
            Environment = new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") },
            CurrentDirectory = root,
        };
        var exitCode = await BuildRunner.RunAsync(build, args, defaultTarget: null, settings, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows() && relative.EndsWith(".sh", StringComparison.Ordinal))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public async Task CommitAsync(string message)
    {
        if (!Directory.Exists(Path.Combine(Root, ".git")))
        {
            await GitAsync("init", "--quiet", "--initial-branch=main");
        }

        await GitAsync("add", "--all");
        await GitAsync("-c", "user.name=Tollgate Tests", "-c", "user.email=tests@tollgate.invalid", "commit", "--quiet", "-m", message);
    }

    /// <summary>Runs the committed workflow under the harness (jobs echo nothing; their logs are in the work folder).</summary>
    public async Task<HarnessReport> ProveAsync(string workflow, Func<HarnessOptions, HarnessOptions>? configure = null)
    {
        var options = new HarnessOptions(Root, $".github/workflows/{workflow}.yml", Path.Combine(Work, Guid.NewGuid().ToString("N")[..8]));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await new WorkflowHarness(configure?.Invoke(options) ?? options).RunAsync(timeout.Token);
    }

    public async Task<string> GitAsync(params string[] args) => await GitInAsync(Root, args);

    public static async Task<string> GitInAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, $"git {string.Join(' ', args)}: {await error}");
        return await output;
    }

    public void Dispose() => _directory.Dispose();
}
