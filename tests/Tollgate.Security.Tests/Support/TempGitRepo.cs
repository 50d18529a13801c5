using System.Diagnostics;
using Tollgate.TestSupport;

namespace Tollgate.Security.Tests.Support;

/// <summary>A temporary git repository with a committer configured; deleted on dispose.</summary>
internal sealed class TempGitRepo : IDisposable
{
    private readonly TempDirectory directory = new("tollgate-scan");

    public TempGitRepo()
    {
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "scan-tests@example.invalid");
        Git("config", "user.name", "Scan tests");
        Git("config", "commit.gpgsign", "false");
    }

    public string Path => directory.Path;

    public string Write(string relativePath, string content) => directory.Write(relativePath, content);

    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
    }

    public void Dispose() => directory.Dispose();
}
