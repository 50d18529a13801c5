namespace Tollgate.Components.Testing;

/// <summary>Lists the files changed since a git ref, including uncommitted and untracked files.</summary>
/// <param name="processes">Runs git.</param>
internal sealed class GitChanges(IProcessRunner processes)
{
    /// <summary>
    /// The files changed between the merge base of <paramref name="baseRef"/> and HEAD (<c>git diff ref...HEAD</c>),
    /// plus uncommitted changes and untracked files; paths relative to <paramref name="rootDirectory"/>.
    /// </summary>
    /// <exception cref="TollgateException">git does not know the ref, or the root is not in a git repository.</exception>
    public async Task<IReadOnlyList<string>> ChangedFilesAsync(string rootDirectory, string baseRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseRef);
        var committed = await GitAsync(rootDirectory, ["diff", "--name-only", "--relative", $"{baseRef}...HEAD"], baseRef, cancellationToken).ConfigureAwait(false);
        var uncommitted = await GitAsync(rootDirectory, ["diff", "--name-only", "--relative", "HEAD"], baseRef, cancellationToken).ConfigureAwait(false);
        var untracked = await GitAsync(rootDirectory, ["ls-files", "--others", "--exclude-standard"], baseRef, cancellationToken).ConfigureAwait(false);
        return [.. committed.Concat(uncommitted).Concat(untracked).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private async Task<IEnumerable<string>> GitAsync(string root, string[] arguments, string baseRef, CancellationToken cancellationToken)
    {
        var command = new CommandSpec("git").WithArguments(arguments).WithWorkingDirectory(root).WithCapture().WithValidation(false) with { LogOutput = false };
        var result = await processes.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new TollgateException(
                $"'{command.ToDisplayString()}' failed (exit {result.ExitCode}): {result.StandardError.Trim()}\n" +
                $"Smart test selection needs the base ref '{baseRef}' in the clone: fetch it (on GitHub Actions: actions/checkout with fetch-depth: 0) or run without --changed-since to run all tests.");
        }

        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
