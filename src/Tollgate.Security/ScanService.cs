using Tollgate.Security.Dependencies;
using Tollgate.Security.Dockerfiles;
using Tollgate.Security.External;
using Tollgate.Security.Kubernetes;
using Tollgate.Security.Reports;
using Tollgate.Security.Sbom;
using Tollgate.Security.Secrets;

namespace Tollgate.Security;

/// <summary>
/// The Scan stage as a plain service: runs the chosen scanners, judges the findings (ignore file, inline allows,
/// baseline, threshold, not-run scanners) and writes <c>scan.json</c>, <c>scan.md</c> and one SARIF file per scanner.
/// </summary>
/// <param name="http">Downloads URL advisory sources (optional).</param>
public sealed class ScanService(HttpClient? http = null)
{
    /// <summary>Runs the scan.</summary>
    public async Task<ScanOutcome> RunAsync(ScanOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(options.RootDirectory);
        var output = Path.GetFullPath(Path.Combine(root, options.OutputDirectory));
        Directory.CreateDirectory(output);
        var unknown = options.Scanners.Where(s => !ScanOptions.AllScanners.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new ScanException($"Unknown scanner(s) {string.Join(", ", unknown)} in --scan-scanners; the scanners are {string.Join(", ", ScanOptions.AllScanners)}.");
        }

        var policy = options.Policy with
        {
            Ignores = IgnoreFile.Load(Path.Combine(root, options.IgnoreFile)),
            Baseline = options.UpdateBaseline ? Baseline.Empty : Baseline.Load(Path.Combine(root, options.BaselineFile)),
        };
        var results = new List<ScannerResult>();
        foreach (var scanner in await CreateScannersAsync(options, root, output, cancellationToken).ConfigureAwait(false))
        {
            results.Add(await scanner.ScanAsync(cancellationToken).ConfigureAwait(false));
        }

        var inlineAllows = new InlineAllows(root);
        var report = ScanReport.Judge(results, policy, inlineAllows);
        if (options.UpdateBaseline)
        {
            // Writing the baseline accepts this run's findings: judge them again against it, so the run that wrote it
            // passes for them (and a later run fails only on findings that are not in it).
            var accepted = Baseline.Of(report.Findings);
            accepted.Save(Path.Combine(root, options.BaselineFile));
            report = ScanReport.Judge(results, policy with { Baseline = accepted }, inlineAllows);
        }

        var sarifFiles = new List<string>();
        foreach (var result in report.Results)
        {
            var path = Path.Combine(output, result.Scanner + ".sarif");
            await File.WriteAllTextAsync(path, SarifWriter.Write(result, report.Suppressed, options.ToolVersion), cancellationToken).ConfigureAwait(false);
            sarifFiles.Add(path);
        }

        var json = Path.Combine(output, "scan.json");
        var markdown = Path.Combine(output, "scan.md");
        await File.WriteAllTextAsync(json, JsonReportWriter.Write(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(markdown, TextReports.Markdown(report), cancellationToken).ConfigureAwait(false);
        return new ScanOutcome(report, json, markdown, sarifFiles);
    }

    private async Task<IReadOnlyList<IScanner>> CreateScannersAsync(ScanOptions options, string root, string output, CancellationToken cancellationToken)
    {
        var secrets = new SecretScanOptions(root) { ExcludeGlobs = options.SecretExcludeGlobs, HistoryRange = options.HistoryRange };
        var wanted = options.History && !options.Scanners.Contains("secret-history") ? [.. options.Scanners, "secret-history"] : options.Scanners;
        OsvDatabase? advisories = null;
        if (options.Advisories is not null && (wanted.Contains("image") || wanted.Contains("dependencies")))
        {
            advisories = await OsvDatabase.LoadAsync(options.Advisories, root, http, cancellationToken).ConfigureAwait(false);
        }

        var scanners = new List<IScanner>();
        foreach (var id in ScanOptions.AllScanners.Where(wanted.Contains))
        {
            scanners.Add(id switch
            {
                "secrets" => new SecretScanner(secrets),
                "secret-history" => new GitHistoryScanner(secrets),
                "dockerfile" => new DockerfileScanner(root),
                "kubernetes" => new KubernetesScanner(root, options.ChartsFolder, options.Helm),
                "dependencies" => new DependencyScanner(root, options.Advisories, http) { NuGetAudit = options.NuGetAudit ? new NuGetVulnerableSource(root, options.Solution ?? FindSolution(root)) : null },
                "sbom" => new SolutionSbomScanner(root, options.Solution ?? FindSolution(root), Path.Combine(output, "sbom"), options.Licenses),
                _ => new ImageScanner(new ImageScanOptions(root, Path.Combine(output, "sbom")) { ImageJson = options.ImageJson, DockerEndpoint = options.DockerEndpoint, Advisories = advisories, ToolVersion = options.ToolVersion }),
            });
        }

        foreach (var tool in new[] { ExternalToolScanner.Gitleaks, ExternalToolScanner.Trivy })
        {
            if (options.FindTool(tool) is { } path)
            {
                scanners.Add(new ExternalToolScanner(tool, path, root));
            }
        }

        return scanners;
    }

    private static string FindSolution(string root)
    {
        var solutions = Directory.EnumerateFiles(root, "*.sln").Concat(Directory.EnumerateFiles(root, "*.slnx")).ToList();
        return solutions.Count == 1
            ? Path.GetFileName(solutions[0])
            : throw new ScanException($"{(solutions.Count == 0 ? "No" : "More than one")} .sln/.slnx file in {root}; name the solution for the SBOM with --scan-solution.");
    }
}

/// <summary>The judged scan and the files written.</summary>
/// <param name="Report">The judged findings.</param>
/// <param name="JsonReport">scan.json.</param>
/// <param name="MarkdownReport">scan.md.</param>
/// <param name="SarifFiles">One SARIF file per scanner.</param>
public sealed record ScanOutcome(ScanReport Report, string JsonReport, string MarkdownReport, IReadOnlyList<string> SarifFiles);
