namespace Tollgate.Deployment.Tests.Support;

/// <summary>
/// Stands in for helm and kubectl where no Kubernetes API server can be had: records every command's argument list and
/// answers from scripted results (first matching prefix wins; unmatched commands succeed with no output).
/// </summary>
internal sealed class RecordingProcessRunner : IProcessRunner
{
    private readonly List<(string Prefix, Func<ProcessResult> Answer)> answers = [];

    public List<CommandSpec> Commands { get; } = [];

    /// <summary>The recorded commands as "tool arg arg ..." lines.</summary>
    public IEnumerable<string> Lines => Commands.Select(c => string.Join(' ', new[] { c.FileName }.Concat(c.Arguments)));

    public RecordingProcessRunner Answer(string prefix, int exitCode, string stdout = "", string stderr = "")
    {
        answers.Add((prefix, () => new ProcessResult(exitCode, stdout, stderr, TimeSpan.Zero)));
        return this;
    }

    public Task<ProcessResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        var line = string.Join(' ', new[] { command.FileName }.Concat(command.Arguments));
        var result = answers.FirstOrDefault(a => line.StartsWith(a.Prefix, StringComparison.Ordinal)).Answer?.Invoke()
            ?? new ProcessResult(0, string.Empty, string.Empty, TimeSpan.Zero);
        if (!result.Succeeded && command.ValidateExitCode)
        {
            throw new ProcessException($"{line} exited with {result.ExitCode}", line, ".", result.ExitCode, [result.StandardError]);
        }

        return Task.FromResult(result);
    }

    public IRunningProcess Start(CommandSpec command) => throw new NotSupportedException("The deployment platforms run no long-lived processes.");
}
