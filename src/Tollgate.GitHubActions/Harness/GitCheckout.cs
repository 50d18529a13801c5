namespace Tollgate.GitHubActions.Harness;

/// <summary>
/// Emulates <c>actions/checkout</c>: the workspace receives the commit's files only (a shallow fetch unless
/// <c>fetch-depth: 0</c>), origin points at the repository for fetches, and pushes land in a sandbox repository so a
/// job that pushes (a GitOps commit) never changes the real one. A tag ref is created in the clone, as checkout does.
/// </summary>
internal sealed class GitCheckout(string repository, string commitSha, string gitRef, string sandbox)
{
    public async Task CloneAsync(ProcessRunner runner, string workspace, int depth, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var source = "file://" + Path.GetFullPath(repository);
        await runner.GitAsync(workspace, environment, cancellationToken, "init", "--quiet").ConfigureAwait(false);
        await runner.GitAsync(workspace, environment, cancellationToken, "remote", "add", "origin", source).ConfigureAwait(false);
        await runner.GitAsync(workspace, environment, cancellationToken, "remote", "set-url", "--push", "origin", "file://" + sandbox).ConfigureAwait(false);
        string[] fetch = depth > 0
            ? ["fetch", "--quiet", "--no-tags", $"--depth={depth}", "origin", commitSha]
            : ["fetch", "--quiet", "--tags", "origin", commitSha];
        await runner.GitAsync(workspace, environment, cancellationToken, fetch).ConfigureAwait(false);
        await runner.GitAsync(workspace, environment, cancellationToken, "checkout", "--quiet", "--detach", "FETCH_HEAD").ConfigureAwait(false);
        if (gitRef.StartsWith("refs/heads/", StringComparison.Ordinal))
        {
            await runner.GitAsync(workspace, environment, cancellationToken, "checkout", "--quiet", "-B", gitRef["refs/heads/".Length..]).ConfigureAwait(false);
        }
        else if (gitRef.StartsWith("refs/tags/", StringComparison.Ordinal))
        {
            await runner.GitAsync(workspace, environment, cancellationToken, "tag", "--force", gitRef["refs/tags/".Length..]).ConfigureAwait(false);
        }
    }

    /// <summary>Creates the bare sandbox that receives pushes, holding the repository's branches so fetches and pushes work.</summary>
    public static async Task CreateSandboxAsync(ProcessRunner runner, string repository, string sandbox, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(sandbox);
        await runner.GitAsync(sandbox, environment, cancellationToken, "clone", "--quiet", "--bare", "--no-local", Path.GetFullPath(repository), ".").ConfigureAwait(false);
    }
}
