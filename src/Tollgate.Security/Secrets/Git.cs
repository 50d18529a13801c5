using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Tollgate.Security.Secrets;

/// <summary>The few git commands the secret scanner runs (through CliWrap; arguments are a list, never a shell string).</summary>
internal static class Git
{
    /// <summary>Whether <paramref name="root"/> is inside a git work tree and git is installed.</summary>
    public static async Task<bool> IsRepositoryAsync(string root, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Cli.Wrap("git").WithArguments(["rev-parse", "--is-inside-work-tree"]).WithWorkingDirectory(root)
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
            return result.IsSuccess && result.StandardOutput.Trim() == "true";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Runs git and returns its standard output; a non-zero exit raises <see cref="ScanException"/> with git's message.</summary>
    public static async Task<string> RunAsync(string root, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var args = arguments.ToList();
        var result = await Cli.Wrap("git").WithArguments(args).WithWorkingDirectory(root)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess
            ? result.StandardOutput
            : throw new ScanException($"'git {string.Join(' ', args)}' in {root} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
    }
}
