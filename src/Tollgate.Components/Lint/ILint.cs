namespace Tollgate.Components.Lint;

/// <summary>
/// The Lint stage: <c>dotnet format --verify-no-changes</c>, prompt-file validation, YAML well-formedness, shellcheck
/// and Dockerfile rules. Every problem is reported (file:line on a terminal, an annotation on GitHub Actions), a
/// count table goes to the summary, and the target fails if any problem is an error.
/// </summary>
public interface ILint : ITollgateBuild
{
    /// <summary>Globs of prompt files to validate (default <c>src/**/prompts/**/*.yaml</c>).</summary>
    [Parameter("Globs of prompt files to validate, relative to the root (default src/**/prompts/**/*.yaml).")]
    string[]? LintPromptGlobs => TryGetValue<string[]>();

    /// <summary>Globs of YAML files that must be well-formed (default: workflows, chart values, eval suites).</summary>
    [Parameter("Globs of YAML files that must be well-formed (default .github/workflows/*.yml, k8s/**/values*.yaml, evals/*.yaml).")]
    string[]? LintYamlGlobs => TryGetValue<string[]>();

    /// <summary>Shell scripts for shellcheck (default <c>build.sh</c>, <c>.ci/run</c>).</summary>
    [Parameter("Shell scripts checked with shellcheck when it is installed (default build.sh, .ci/run).")]
    string[]? LintShellScripts => TryGetValue<string[]>();

    /// <summary>Globs of Dockerfiles to check (default <c>**/Dockerfile</c>).</summary>
    [Parameter("Globs of Dockerfiles to check (default **/Dockerfile, **/*.Dockerfile).")]
    string[]? LintDockerfileGlobs => TryGetValue<string[]>();

    /// <summary>The solution or project for dotnet format (default: the one .sln/.slnx in the root).</summary>
    [Parameter("The solution or project dotnet format checks, relative to the root (default: the one .sln/.slnx in the root).")]
    string? LintFormatWorkspace => TryGetValue<string>();

    /// <summary>Skips dotnet format (for quick local runs).</summary>
    [Parameter("Skip dotnet format (the other checks still run).")]
    bool? LintSkipFormat => TryGetValue<bool?>();

    /// <summary>The prompt token limit, in tokens of the prompt model's tiktoken encoding.</summary>
    [Parameter("Limit for a prompt's system + user templates in tokens (tiktoken o200k_base, or cl100k_base for GPT-4/3.5 prompt models); default 2000.")]
    int? PromptTokenLimit => TryGetValue<int?>();

    /// <summary>The options the Lint target runs with; override to change them in code.</summary>
    LintOptions LintSettings
    {
        get
        {
            var options = new LintOptions(RootDirectory)
            {
                ReportDirectory = ArtifactsDirectory / "lint",
            }.WithDotnetFormat(LintSkipFormat != true, LintFormatWorkspace);
            options = LintPromptGlobs is { Length: > 0 } prompts ? options.WithPromptGlobs(prompts) : options;
            options = LintYamlGlobs is { Length: > 0 } yaml ? options.WithYamlGlobs(yaml) : options;
            options = LintShellScripts is { Length: > 0 } scripts ? options.WithShellScripts(scripts) : options;
            options = LintDockerfileGlobs is { Length: > 0 } dockerfiles ? options.WithDockerfileGlobs(dockerfiles) : options;
            return PromptTokenLimit is { } limit ? options.WithPromptValidation(options.PromptValidation.WithMaxTokens(limit)) : options;
        }
    }

    /// <summary>Runs all lint checks and fails if any problem is an error.</summary>
    Target Lint => _ => _
        .Description("Checks formatting and analyzers (dotnet format), prompt files, YAML, shell scripts and Dockerfiles")
        .Produces("artifacts/lint/**")
        .Exclusive(BuildResources.DotnetProjects)
        .Executes(async cancellationToken =>
        {
            var result = await new LintRunner(Processes, Tools).RunAsync(LintSettings, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in result.Diagnostics)
            {
                Host.ReportDiagnostic(diagnostic);
            }

            foreach (var check in result.Checks)
            {
                Log.Information($"{check.Name}: {check.FilesChecked} file(s), {check.ErrorCount} error(s), {check.WarningCount} warning(s){(check.Note is null ? string.Empty : $" ({check.Note})")}");
            }

            Host.AppendSummary(result.ToMarkdown());
            if (!result.Succeeded)
            {
                throw new TollgateException(
                    $"Lint found {result.ErrorCount} error(s) and {result.WarningCount} warning(s); they are listed above as file:line. " +
                    "Fix formatting with 'dotnet format', the rest by hand.");
            }
        });
}
