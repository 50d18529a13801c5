namespace Tollgate.GlobalTool;

/// <summary>
/// The <c>tollgate</c> command: <c>tollgate :setup</c>, <c>tollgate :add &lt;component&gt;</c>, <c>tollgate --help</c>,
/// and otherwise runs the build of the repository around the current directory with the given arguments.
/// </summary>
/// <param name="output">Standard output.</param>
/// <param name="error">Standard error (errors, without stack traces).</param>
/// <param name="input">Answers to questions :setup asks when a flag is missing and input is a terminal.</param>
/// <param name="inputRedirected">True when input is not a terminal: then nothing is asked and defaults apply.</param>
/// <param name="scripts">Runs a repository's bootstrapper.</param>
internal sealed class TollgateTool(TextWriter output, TextWriter error, TextReader input, bool inputRedirected, IBuildScriptRunner scripts)
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    public async Task<int> RunAsync(string[] args, string currentDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return args switch
            {
                [] or ["--help" or "-h" or "-?" or "/?"] => WriteHelp(HelpTexts.Tool),
                ["--version"] => WriteHelp(ToolVersion.Current),
                [":setup", .. var rest] => rest.Contains("--help") ? WriteHelp(HelpTexts.Setup) : Setup(rest, currentDirectory),
                [":add", .. var rest] => rest.Contains("--help") || rest.Length == 0 ? WriteHelp(HelpTexts.Add) : Add(rest, currentDirectory),
                [var command, ..] when command.StartsWith(':') => throw new TollgateException(
                    $"Unknown command {command}. Commands: :setup, :add. Anything else is passed to the build, e.g. tollgate Compile --help."),
                _ => await RunBuildAsync(args, currentDirectory, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (TollgateException exception)
        {
            await error.WriteLineAsync($"tollgate: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private int WriteHelp(string text)
    {
        output.WriteLine(text.TrimEnd());
        return 0;
    }

    private int Setup(IReadOnlyList<string> args, string currentDirectory)
    {
        var options = SetupOptions.Parse(args, currentDirectory);
        options = new SetupQuestions(output, input, ask: !inputRedirected && !options.Yes).Complete(options);
        var written = new SetupCommand(options).Run();
        foreach (var file in written)
        {
            output.WriteLine($"created {file}");
        }

        output.WriteLine($"Tollgate is set up in {options.Root}. Next: ./build.sh --help (or tollgate --help from any folder), then tollgate :add lint.");
        return 0;
    }

    private int Add(IReadOnlyList<string> args, string currentDirectory)
    {
        var (message, _) = AddCommand.Run(args, currentDirectory);
        output.WriteLine(message);
        return 0;
    }

    private async Task<int> RunBuildAsync(IReadOnlyList<string> args, string currentDirectory, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find(args, currentDirectory);
        return await scripts.RunAsync(root, args, currentDirectory, cancellationToken).ConfigureAwait(false);
    }
}
