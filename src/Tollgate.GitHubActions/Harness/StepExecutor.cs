using System.Collections.Immutable;

namespace Tollgate.GitHubActions.Harness;

/// <summary>What a step did: the job environment after it (GITHUB_ENV), a failure, and its artifact traffic.</summary>
internal sealed record StepOutcome(ImmutableDictionary<string, string> Environment, string? Failure)
{
    public ImmutableArray<string> Received { get; init; } = [];

    public ImmutableArray<string> HandedOn { get; init; } = [];

    public ImmutableArray<string> NotExecuted { get; init; } = [];
}

/// <summary>
/// Runs one step: <c>run:</c> with <c>bash --noprofile --norc -eo pipefail</c> (GitHub's <c>shell: bash</c>), checkout
/// as a fresh clone, setup-dotnet and cache by this machine's SDK and package cache, the artifact actions by copying;
/// any other <c>uses:</c> is not executed and reported.
/// </summary>
internal sealed class StepExecutor(HarnessRun run, ProcessRunner processes, JobLog log, string workspace, ImmutableDictionary<string, string> runnerVariables)
{
    private int _scripts;

    public async Task<StepOutcome> RunAsync(StepModel step, ExpressionContext context, ImmutableDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var stepEnvironment = environment;
        foreach (var (name, value) in step.Env)
        {
            stepEnvironment = stepEnvironment.SetItem(name, ExpressionEvaluator.Interpolate(value, context with { Env = stepEnvironment }));
        }

        if (step.Run is { } script)
        {
            return await RunScriptAsync(ExpressionEvaluator.Interpolate(script, context with { Env = stepEnvironment }), environment, stepEnvironment, cancellationToken).ConfigureAwait(false);
        }

        var uses = step.Uses ?? string.Empty;
        var action = uses.Split('@')[0];
        string With(string key, string fallback = "") => step.WithValue(key) is { } value ? ExpressionEvaluator.Interpolate(value, context with { Env = stepEnvironment }) : fallback;
        switch (action)
        {
            case "actions/checkout":
                var depth = int.TryParse(With("fetch-depth", "1"), out var parsed) ? parsed : 1;
                await run.Checkout.CloneAsync(processes, workspace, depth, Merge(stepEnvironment), cancellationToken).ConfigureAwait(false);
                log.Line($"checked out {run.Sha} ({(depth == 0 ? "all history" : $"depth {depth}")}) into a fresh clone");
                return new StepOutcome(environment, null);
            case "actions/setup-dotnet":
                log.Line("setup-dotnet: this machine's dotnet stands in for the runner's (build.sh checks it against global.json)");
                return new StepOutcome(environment, null);
            case "actions/cache":
                log.Line("cache: not restored; this machine's package cache stands in for it");
                return new StepOutcome(environment, null);
            case "actions/upload-artifact":
                return Upload(With("name", "artifact"), With("path"), environment);
            case "actions/download-artifact":
                return Download(With("name"), With("pattern"), With("path", "."), environment);
            default:
                log.Line($"not executed: uses {uses}");
                return new StepOutcome(environment, null) { NotExecuted = [$"{uses} ({step.Name})"] };
        }
    }

    private async Task<StepOutcome> RunScriptAsync(string script, ImmutableDictionary<string, string> jobEnvironment, ImmutableDictionary<string, string> stepEnvironment, CancellationToken cancellationToken)
    {
        var file = Path.Combine(runnerVariables["RUNNER_TEMP"], $"step-{++_scripts}.sh");
        await File.WriteAllTextAsync(file, script, cancellationToken).ConfigureAwait(false);
        var variables = Merge(stepEnvironment);
        var exitCode = await processes.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], workspace, variables, cancellationToken).ConfigureAwait(false);
        var after = ReadEnvironmentFile(jobEnvironment);
        return new StepOutcome(after, exitCode == 0 ? null : $"exit code {exitCode}");
    }

    private StepOutcome Upload(string name, string paths, ImmutableDictionary<string, string> environment)
    {
        var patterns = paths.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var count = run.Artifacts.Upload(name, workspace, patterns);
        log.Line(count == 0 ? $"upload-artifact: no files match {string.Join(", ", patterns)}; nothing uploaded for '{name}'" : $"upload-artifact: '{name}' ({count} files)");
        return new StepOutcome(environment, null) { HandedOn = count == 0 ? [] : [$"{name} ({count} files)"] };
    }

    private StepOutcome Download(string name, string pattern, string path, ImmutableDictionary<string, string> environment)
    {
        var names = name.Length > 0
            ? [name]
            : run.Artifacts.Names.Where(n => pattern.Length == 0 || PatternMatches(pattern, n)).ToList();
        var received = new List<string>();
        foreach (var artifact in names)
        {
            if (!run.Artifacts.Download(artifact, workspace, path))
            {
                return new StepOutcome(environment, $"download-artifact: no artifact named '{artifact}' was uploaded by a job this one needs") { Received = [.. received] };
            }

            received.Add($"{artifact} ({run.Artifacts.FileCount(artifact)} files)");
            log.Line($"download-artifact: '{artifact}' into {path}");
        }

        return new StepOutcome(environment, null) { Received = [.. received] };
    }

    private static bool PatternMatches(string pattern, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$");

    private Dictionary<string, string> Merge(ImmutableDictionary<string, string> environment)
    {
        var variables = new Dictionary<string, string>(runnerVariables, StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        if (File.Exists(runnerVariables["GITHUB_PATH"]))
        {
            var added = File.ReadAllLines(runnerVariables["GITHUB_PATH"]).Where(l => l.Length > 0).Reverse();
            variables["PATH"] = string.Join(':', added.Append(variables.GetValueOrDefault("PATH", string.Empty)));
        }

        return variables;
    }

    // NAME=value lines a step appended to $GITHUB_ENV apply to the steps after it (the NAME<<EOF form too).
    private ImmutableDictionary<string, string> ReadEnvironmentFile(ImmutableDictionary<string, string> environment)
    {
        var file = runnerVariables["GITHUB_ENV"];
        if (!File.Exists(file))
        {
            return environment;
        }

        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var heredoc = lines[i].IndexOf("<<", StringComparison.Ordinal);
            var equals = lines[i].IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = lines[i][(heredoc + 2)..];
                var value = new List<string>();
                var end = i + 1;
                while (end < lines.Length && lines[end] != delimiter)
                {
                    value.Add(lines[end++]);
                }

                environment = environment.SetItem(lines[i][..heredoc], string.Join('\n', value));
                i = end;
            }
            else if (equals > 0)
            {
                environment = environment.SetItem(lines[i][..equals], lines[i][(equals + 1)..]);
            }
        }

        return environment;
    }
}
