namespace Tollgate.Components.Lint;

/// <content>The dotnet format check.</content>
public sealed partial class LintRunner
{
    /// <summary>
    /// Runs <c>dotnet format &lt;workspace&gt; --verify-no-changes --report &lt;dir&gt;</c> and turns its JSON report into
    /// diagnostics. Exit code 2 means "changes needed"; any other non-zero exit code is a failure to run, reported as an
    /// error with the end of its output.
    /// </summary>
    public async Task<LintCheckResult> RunDotnetFormatAsync(LintOptions options, string root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Name = "dotnet format";
        if (!options.RunDotnetFormat)
        {
            return new LintCheckResult(Name, 0, [], "disabled");
        }

        var workspace = options.FormatWorkspace;
        if (workspace is null)
        {
            var solutions = Directory.EnumerateFiles(root, "*.sln").Concat(Directory.EnumerateFiles(root, "*.slnx")).Order(StringComparer.Ordinal).ToList();
            if (solutions.Count != 1)
            {
                var found = solutions.Count == 0 ? "no .sln/.slnx file" : $"{solutions.Count} solution files";
                return new LintCheckResult(Name, 0, [new Diagnostic(LogLevel.Error, $"dotnet format needs one solution or project: the root has {found}. Set the LintFormatWorkspace parameter (a .sln/.slnx/.csproj path relative to the root).")]);
            }

            workspace = Path.GetFileName(solutions[0]);
        }

        var reportDirectory = Path.GetFullPath(options.ReportDirectory ?? Path.Combine(root, "artifacts", "lint"), root);
        Directory.CreateDirectory(reportDirectory);
        var reportPath = Path.Combine(reportDirectory, DotnetFormatReportParser.ReportFileName);
        File.Delete(reportPath);

        var command = new CommandSpec("dotnet")
            .WithArguments("format", workspace, "--verify-no-changes", "--report", reportDirectory)
            .WithWorkingDirectory(root)
            .WithCapture()
            .WithValidation(false) with
        { LogOutput = false };
        var result = await processes.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return new LintCheckResult(Name, 0, [], $"{workspace}: no changes needed");
        }

        if (result.ExitCode == 2 && File.Exists(reportPath))
        {
            var diagnostics = DotnetFormatReportParser.Parse(await File.ReadAllTextAsync(reportPath, cancellationToken).ConfigureAwait(false), root);
            var files = diagnostics.Select(d => d.File).Distinct(StringComparer.Ordinal).Count();
            return new LintCheckResult(Name, files, diagnostics, $"{workspace}: run 'dotnet format {workspace}' to fix");
        }

        // The first lines say what went wrong (a missing project, a failed load); a stack trace follows them.
        var output = Head(result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput);
        return new LintCheckResult(Name, 0, [new Diagnostic(
            LogLevel.Error,
            $"'{command.ToDisplayString()}' failed with exit code {result.ExitCode} without a report (does '{workspace}' restore and load?):\n{output}")]);
    }
}
