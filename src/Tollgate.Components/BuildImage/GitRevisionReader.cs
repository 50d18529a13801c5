using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tollgate.Components.BuildImage;

/// <summary>Reads the <see cref="GitRevision"/> from GitHub Actions' variables when set, else from git in the repository.</summary>
internal static partial class GitRevisionReader
{
    public static async Task<GitRevision> ReadAsync(IProcessRunner processes, string root, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        async Task<string?> Git(params string[] arguments)
        {
            var result = await processes.RunAsync(new CommandSpec("git").WithArguments(arguments).WithWorkingDirectory(root).WithCapture().WithValidation(false) with { LogOutput = false }, cancellationToken).ConfigureAwait(false);
            return result.Succeeded && result.StandardOutput.Trim() is { Length: > 0 } output ? output : null;
        }

        var sha = environment("GITHUB_SHA") is { Length: > 0 } githubSha ? githubSha : await Git("rev-parse", "HEAD").ConfigureAwait(false)
            ?? throw new TollgateException($"{root} is not a git repository with a commit, so the image cannot be tagged from git; commit first or run in a clone.");
        var reference = environment("GITHUB_REF") ?? string.Empty;
        int? pullRequest = PullRef().Match(reference) is { Success: true } pr ? int.Parse(pr.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        string? tag = reference.StartsWith("refs/tags/", StringComparison.Ordinal) ? reference["refs/tags/".Length..] : null;
        string? branch = environment("GITHUB_HEAD_REF") is { Length: > 0 } head ? head
            : reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : null;
        if (environment("GITHUB_ACTIONS") != "true")
        {
            tag = await Git("describe", "--tags", "--exact-match", "HEAD").ConfigureAwait(false);
            branch = await Git("rev-parse", "--abbrev-ref", "HEAD").ConfigureAwait(false) is { } local && local != "HEAD" ? local : null;
        }

        var defaultBranch = DefaultBranchFromEvent(environment("GITHUB_EVENT_PATH"))
            ?? (await Git("symbolic-ref", "--short", "refs/remotes/origin/HEAD").ConfigureAwait(false))?.Replace("origin/", string.Empty, StringComparison.Ordinal)
            ?? "main";
        var source = environment("GITHUB_REPOSITORY") is { Length: > 0 } repository
            ? $"{environment("GITHUB_SERVER_URL") ?? "https://github.com"}/{repository}"
            : await Git("config", "--get", "remote.origin.url").ConfigureAwait(false);
        return new GitRevision(sha, branch, tag, pullRequest, defaultBranch, source);
    }

    private static string? DefaultBranchFromEvent(string? eventPath)
    {
        if (eventPath is null || !File.Exists(eventPath))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(eventPath));
        return document.RootElement.TryGetProperty("repository", out var repository) && repository.TryGetProperty("default_branch", out var branch) ? branch.GetString() : null;
    }

    [GeneratedRegex(@"^refs/pull/(?<n>\d+)/")]
    private static partial Regex PullRef();
}
