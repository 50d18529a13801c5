using Tollgate.Evaluation.Prompts;

namespace Tollgate.Components.Lint;

/// <summary>
/// What the Lint stage checks. Globs are relative to <see cref="RootDirectory"/> (<c>**</c> matches any depth);
/// <c>bin/</c>, <c>obj/</c>, <c>node_modules/</c>, <c>.git/</c> and <c>.nuke/</c> are never searched.
/// </summary>
/// <param name="RootDirectory">The repository root; diagnostics name files relative to it.</param>
public sealed record LintOptions(string RootDirectory)
{
    /// <summary>Whether to run <c>dotnet format --verify-no-changes</c> (default true).</summary>
    public bool RunDotnetFormat { get; init; } = true;

    /// <summary>
    /// The solution or project <c>dotnet format</c> checks, relative to the root; default: the one <c>.sln</c>/<c>.slnx</c>
    /// file in the root.
    /// </summary>
    public string? FormatWorkspace { get; init; }

    /// <summary>Where <c>dotnet format</c> writes its JSON report; default <c>artifacts/lint</c> under the root.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>Prompt files to validate (default <c>src/**/prompts/**/*.yaml</c>).</summary>
    public IReadOnlyList<string> PromptGlobs { get; init; } = ["src/**/prompts/**/*.yaml"];

    /// <summary>The limits prompt files are validated against.</summary>
    public PromptValidationOptions PromptValidation { get; init; } = PromptValidationOptions.Default;

    /// <summary>YAML files that must be well-formed: workflows, chart values and eval suites.</summary>
    public IReadOnlyList<string> YamlGlobs { get; init; } =
        [".github/workflows/*.yml", ".github/workflows/*.yaml", "k8s/**/values*.yaml", "evals/*.yaml"];

    /// <summary>Shell scripts checked with shellcheck when it is installed (default <c>build.sh</c>, <c>.ci/run</c>).</summary>
    public IReadOnlyList<string> ShellScripts { get; init; } = ["build.sh", ".ci/run"];

    /// <summary>Dockerfiles checked by <see cref="DockerfileLinter"/>.</summary>
    public IReadOnlyList<string> DockerfileGlobs { get; init; } = ["**/Dockerfile", "**/*.Dockerfile"];

    /// <summary>Sets the prompt globs.</summary>
    public LintOptions WithPromptGlobs(params IEnumerable<string> globs) => this with { PromptGlobs = [.. globs] };

    /// <summary>Sets the YAML globs.</summary>
    public LintOptions WithYamlGlobs(params IEnumerable<string> globs) => this with { YamlGlobs = [.. globs] };

    /// <summary>Sets the shell scripts.</summary>
    public LintOptions WithShellScripts(params IEnumerable<string> scripts) => this with { ShellScripts = [.. scripts] };

    /// <summary>Sets the Dockerfile globs.</summary>
    public LintOptions WithDockerfileGlobs(params IEnumerable<string> globs) => this with { DockerfileGlobs = [.. globs] };

    /// <summary>Sets whether <c>dotnet format</c> runs and, optionally, on which solution or project.</summary>
    public LintOptions WithDotnetFormat(bool run, string? workspace = null) => this with { RunDotnetFormat = run, FormatWorkspace = workspace ?? FormatWorkspace };

    /// <summary>Sets the prompt validation limits.</summary>
    public LintOptions WithPromptValidation(PromptValidationOptions options) => this with { PromptValidation = options };
}
