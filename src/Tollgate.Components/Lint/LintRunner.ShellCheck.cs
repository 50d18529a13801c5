namespace Tollgate.Components.Lint;

/// <content>The shellcheck check.</content>
public sealed partial class LintRunner
{
    /// <summary>The message of the warning given when shellcheck is not installed.</summary>
    public const string ShellCheckMissingMessage =
        "shellcheck is not installed, so shell scripts were not checked. Install it ('apt-get install shellcheck', 'brew install shellcheck') or put it in .nuke/temp/tools/shellcheck/.";

    /// <summary>
    /// Runs <c>shellcheck -f json1</c> on the configured scripts when shellcheck is installed; when it is not, returns a
    /// warning saying so and how to install it.
    /// </summary>
    public async Task<LintCheckResult> RunShellCheckAsync(LintOptions options, string root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Name = "shellcheck";
        var scripts = LintFiles.Find(root, options.ShellScripts);
        if (scripts.Count == 0)
        {
            return new LintCheckResult(Name, 0, [], "no scripts found");
        }

        var shellcheck = tools.TryFind("shellcheck");
        if (shellcheck is null)
        {
            return new LintCheckResult(Name, 0, [new Diagnostic(LogLevel.Warning, ShellCheckMissingMessage, Code: "SHELLCHECK")], "not installed");
        }

        var command = new CommandSpec(shellcheck)
            .WithArguments(["-f", "json1", .. scripts.Select(s => s.RelativePath)])
            .WithWorkingDirectory(root)
            .WithCapture()
            .WithValidation(false) with
        { LogOutput = false };
        var result = await processes.RunAsync(command, cancellationToken).ConfigureAwait(false);

        // 0: no findings, 1: findings; anything else (2: a file could not be read, 3: bad options) is a failure to run.
        if (result.ExitCode is 0 or 1)
        {
            return new LintCheckResult(Name, scripts.Count, ShellCheckOutputParser.Parse(result.StandardOutput, root));
        }

        return new LintCheckResult(Name, scripts.Count, [new Diagnostic(
            LogLevel.Error,
            $"'{command.ToDisplayString()}' failed with exit code {result.ExitCode}:\n{Tail(result.StandardError)}")]);
    }
}
