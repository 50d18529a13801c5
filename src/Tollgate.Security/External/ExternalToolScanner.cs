using CliWrap;
using CliWrap.Buffered;

namespace Tollgate.Security.External;

/// <summary>
/// Runs gitleaks or Trivy when it is on PATH and merges its JSON results into the findings model (the caller adds
/// this scanner only when the tool is found; a tool that then fails is "not run" with its error).
/// </summary>
/// <param name="tool">gitleaks or trivy (<see cref="Gitleaks"/>, <see cref="Trivy"/>).</param>
/// <param name="executable">The tool's full path.</param>
/// <param name="root">The repository root.</param>
public sealed class ExternalToolScanner(string tool, string executable, string root) : IScanner
{
    /// <summary>The gitleaks scanner id.</summary>
    public const string Gitleaks = "gitleaks";

    /// <summary>The Trivy scanner id.</summary>
    public const string Trivy = "trivy";

    /// <inheritdoc />
    public string Id => tool;

    /// <inheritdoc />
    public async Task<ScannerResult> ScanAsync(CancellationToken cancellationToken)
    {
        var report = Path.Combine(Path.GetTempPath(), $"tollgate-{tool}-{Guid.NewGuid():N}.json");
        try
        {
            string[] arguments = tool == Gitleaks
                ? ["detect", "--source", root, "--no-git", "--report-format", "json", "--report-path", report, "--exit-code", "0", "--no-banner"]
                : ["fs", "--format", "json", "--output", report, "--scanners", "vuln,misconfig,secret", "--quiet", root];
            var result = await Cli.Wrap(executable).WithArguments(arguments).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess || !File.Exists(report))
            {
                return ScannerResult.NotRun(Id, $"{tool} exited with {result.ExitCode}: {result.StandardError.Trim()}");
            }

            var json = await File.ReadAllTextAsync(report, cancellationToken).ConfigureAwait(false);
            var findings = tool == Gitleaks ? ExternalReports.FromGitleaks(json) : ExternalReports.FromTrivy(json);
            return ScannerResult.Ran(Id, ExternalReports.RulesOf(findings), findings, findings.Count, $"{tool} at {executable}");
        }
        finally
        {
            File.Delete(report);
        }
    }
}
