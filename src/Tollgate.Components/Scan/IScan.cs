using Tollgate.Components.BuildImage;
using Tollgate.GitHubActions;
using Tollgate.Security;
using Tollgate.Security.Reports;
using Tollgate.Security.Sbom;

namespace Tollgate.Components.Scan;

/// <summary>
/// The Scan stage: secrets (working tree, optionally git history), Dockerfile and Kubernetes rules, dependency
/// advisories (OSV), SBOMs for the solution and the built image with licence checks, and gitleaks/Trivy results when
/// those are on PATH; one findings model, one gate (<c>--scan-fail-on</c>, default high), reports in
/// <c>artifacts/scan</c> (scan.json, scan.md, one SARIF file per scanner for code scanning).
/// </summary>
public interface IScan : ITollgateBuild
{
    /// <summary>The gate's threshold.</summary>
    [Parameter("Fail when findings at or above this severity remain: critical, high (default), medium, low, info.")]
    string? ScanFailOn => TryGetValue<string>();

    /// <summary>Scanners allowed to be "not run".</summary>
    [Parameter("Scanners allowed to be 'not run' without failing the gate (e.g. dependencies image), or * for all.")]
    string[]? ScanAllowNotRun => TryGetValue<string[]>();

    /// <summary>Which scanners run.</summary>
    [Parameter("Scanners to run (default: secrets dockerfile kubernetes dependencies sbom image).")]
    string[]? ScanScanners => TryGetValue<string[]>();

    /// <summary>Scan git history too.</summary>
    [Parameter("Also scan the lines added in git history for secrets (see --scan-history-range).")]
    bool? ScanHistory => TryGetValue<bool?>();

    /// <summary>The history range.</summary>
    [Parameter("Commit range for --scan-history, e.g. origin/main..HEAD (default HEAD: the whole branch).")]
    string? ScanHistoryRange => TryGetValue<string>();

    /// <summary>OSV advisories.</summary>
    [Parameter("OSV advisories for the dependency and image scanners: a directory, a zip or an http(s) URL.")]
    string? ScanAdvisories => TryGetValue<string>();

    /// <summary>Also ask NuGet's audit data.</summary>
    [Parameter("Also run 'dotnet list package --vulnerable' and merge its advisories into the dependency findings (default off: it needs a package source that serves NuGet's audit data; when it does not answer, the dependencies scanner says so).")]
    bool? ScanDotnetAudit => TryGetValue<bool?>();

    /// <summary>The ignore file.</summary>
    [Parameter("Ignore file (default .tollgate/scan-ignore.yaml): entries by fingerprint or rule+path, each with a reason and optional expiry.")]
    string? ScanIgnoreFile => TryGetValue<string>();

    /// <summary>The baseline file.</summary>
    [Parameter("Baseline of accepted findings (default .tollgate/scan-baseline.json).")]
    string? ScanBaseline => TryGetValue<string>();

    /// <summary>Write the baseline.</summary>
    [Parameter("Write the baseline from this run's findings (after ignores); the gate then passes on them.")]
    bool? ScanUpdateBaseline => TryGetValue<bool?>();

    /// <summary>Secret scan exclusions.</summary>
    [Parameter("Globs the secret scanner skips, relative to the root.")]
    string[]? ScanSecretExclude => TryGetValue<string[]>();

    /// <summary>Allowed licences.</summary>
    [Parameter("SPDX licence ids allowed in the SBOMs (default: all not denied); a trailing * matches a prefix.")]
    string[]? ScanLicenseAllow => TryGetValue<string[]>();

    /// <summary>Denied licences.</summary>
    [Parameter("SPDX licence ids denied in the SBOMs (default AGPL-* SSPL-* GPL-*).")]
    string[]? ScanLicenseDeny => TryGetValue<string[]>();

    /// <summary>Whether the image must be scanned.</summary>
    [Parameter("Require the image scan (artifacts/image/image.json); default: when a target that builds the image is part of the run, or an image record exists.")]
    bool? ScanImage => TryGetValue<bool?>();

    /// <summary>The solution for the SBOM.</summary>
    [Parameter("The solution or project the SBOM describes (default: the one .sln/.slnx in the root).")]
    string? ScanSolution => TryGetValue<string>();

    /// <summary>Invoked targets that build the image: when one of them is part of the run, a missing image fails the gate.</summary>
    IReadOnlyList<string> ScanImageBuiltBy => ["Build"];

    /// <summary>The options the Scan target runs with; override to change them in code.</summary>
    ScanOptions ScanSettings
    {
        get
        {
            var allowNotRun = new HashSet<string>(ScanAllowNotRun ?? [], StringComparer.Ordinal);
            // An image record in the checkout means an image was built here: failing to read it must not pass quietly.
            var imageRequired = ScanImage ?? (InvokedTargets.Any(ScanImageBuiltBy.Contains) || File.Exists(Path.Combine(RootDirectory, "artifacts", "image", "image.json")));
            if (!imageRequired)
            {
                allowNotRun.Add("image");
            }

            var options = new ScanOptions(RootDirectory)
            {
                Policy = new ScanPolicy(ScanFailOn is { } failOn ? Severities.Parse(failOn, "--scan-fail-on") : Severity.High) { AllowNotRun = allowNotRun },
                History = ScanHistory ?? false,
                UpdateBaseline = ScanUpdateBaseline ?? false,
                NuGetAudit = ScanDotnetAudit ?? false,
                Advisories = ScanAdvisories,
                Solution = ScanSolution,
                SecretExcludeGlobs = ScanSecretExclude ?? [],
                FindTool = Tools.TryFind,
                Licenses = new LicensePolicy(ScanLicenseAllow ?? LicensePolicy.Default.Allow, ScanLicenseDeny ?? LicensePolicy.Default.Deny),
            };
            options = ScanScanners is { Length: > 0 } scanners ? options with { Scanners = scanners } : options;
            options = ScanHistoryRange is { } range ? options with { HistoryRange = range } : options;
            options = ScanIgnoreFile is { } ignore ? options with { IgnoreFile = ignore } : options;
            return ScanBaseline is { } baseline ? options with { BaselineFile = baseline } : options;
        }
    }

    /// <summary>Runs the scanners, reports every finding, writes the reports and fails on the gate.</summary>
    Target Scan => _ => _
        .Description("Scans for secrets, Dockerfile and Kubernetes misconfiguration, vulnerable dependencies and licences; writes SBOMs and SARIF")
        .After<IBuildImage>(x => x.Build)
        .ConsumesIfPresent<IBuildImage>(x => x.Build, "artifacts/image/image.json", "artifacts/image-archive/**")
        .Produces("artifacts/scan/**")
        .ProducesSarif("artifacts/scan/secrets.sarif", SarifWriter.Category("secrets"))
        .ProducesSarif("artifacts/scan/secret-history.sarif", SarifWriter.Category("secret-history"))
        .ProducesSarif("artifacts/scan/dockerfile.sarif", SarifWriter.Category("dockerfile"))
        .ProducesSarif("artifacts/scan/kubernetes.sarif", SarifWriter.Category("kubernetes"))
        .ProducesSarif("artifacts/scan/dependencies.sarif", SarifWriter.Category("dependencies"))
        .ProducesSarif("artifacts/scan/sbom.sarif", SarifWriter.Category("sbom"))
        .ProducesSarif("artifacts/scan/image.sarif", SarifWriter.Category("image"))
        .Exclusive(BuildResources.DotnetProjects)
        .Executes(async cancellationToken =>
        {
            var outcome = await new ScanService().RunAsync(ScanSettings, cancellationToken).ConfigureAwait(false);
            ScanReporting.Report(this, outcome);
        });
}
