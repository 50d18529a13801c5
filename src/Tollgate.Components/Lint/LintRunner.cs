using Tollgate.Evaluation.Prompts;

namespace Tollgate.Components.Lint;

/// <summary>
/// The Lint stage as a plain service: runs every check (dotnet format, prompt files, YAML well-formedness, shellcheck,
/// Dockerfile rules) and returns all problems together, so one run shows everything to fix. Usable without the
/// engine: give it any <see cref="IProcessRunner"/> and <see cref="ToolLocator"/>.
/// </summary>
/// <param name="processes">Runs dotnet format and shellcheck.</param>
/// <param name="tools">Finds shellcheck (optional tool).</param>
public sealed partial class LintRunner(IProcessRunner processes, ToolLocator tools)
{
    /// <summary>Runs all checks.</summary>
    public async Task<LintResult> RunAsync(LintOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(options.RootDirectory);
        var checks = new List<LintCheckResult>
        {
            await RunDotnetFormatAsync(options, root, cancellationToken).ConfigureAwait(false),
            CheckPromptFiles(options, root),
            CheckYamlFiles(options, root),
            await RunShellCheckAsync(options, root, cancellationToken).ConfigureAwait(false),
            CheckDockerfiles(options, root),
        };
        return new LintResult(checks);
    }

    /// <summary>Validates the prompt files the options' globs match.</summary>
    public static LintCheckResult CheckPromptFiles(LintOptions options, string root)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validator = new PromptValidator(options.PromptValidation);
        var files = LintFiles.Find(root, options.PromptGlobs);
        var diagnostics = files.SelectMany(f => validator.ValidateFile(f.FullPath, f.RelativePath)).ToList();
        return new LintCheckResult("prompt files", files.Count, diagnostics, files.Count == 0 ? $"no files match {string.Join(", ", options.PromptGlobs)}" : null);
    }

    /// <summary>Checks that the YAML files the options' globs match are well-formed.</summary>
    public static LintCheckResult CheckYamlFiles(LintOptions options, string root)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = LintFiles.Find(root, options.YamlGlobs);
        var diagnostics = files
            .Select(f => YamlSyntaxChecker.Check(File.ReadAllText(f.FullPath), f.RelativePath))
            .OfType<Diagnostic>()
            .ToList();
        return new LintCheckResult("YAML well-formedness", files.Count, diagnostics, files.Count == 0 ? "no YAML files matched" : null);
    }

    /// <summary>Checks the Dockerfiles the options' globs match with <see cref="DockerfileLinter"/>.</summary>
    public static LintCheckResult CheckDockerfiles(LintOptions options, string root)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = LintFiles.Find(root, options.DockerfileGlobs);
        var diagnostics = files.SelectMany(f => DockerfileLinter.Lint(File.ReadAllText(f.FullPath), f.RelativePath)).ToList();
        return new LintCheckResult("Dockerfiles", files.Count, diagnostics, files.Count == 0 ? "no Dockerfiles matched" : null);
    }

    private static string Head(string text, int lines = 5) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(lines));

    private static string Tail(string text, int lines = 10) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
