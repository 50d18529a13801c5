using Tollgate.Security.Sbom;

namespace Tollgate.Security;

/// <summary>What the Scan stage runs and how it judges. Paths are relative to <see cref="RootDirectory"/>.</summary>
/// <param name="RootDirectory">The repository root.</param>
public sealed record ScanOptions(string RootDirectory)
{
    /// <summary>The scanner ids, in run order.</summary>
    public static IReadOnlyList<string> AllScanners { get; } = ["secrets", "secret-history", "dockerfile", "kubernetes", "dependencies", "sbom", "image"];

    /// <summary>Where reports go (default <c>artifacts/scan</c>).</summary>
    public string OutputDirectory { get; init; } = "artifacts/scan";

    /// <summary>Which scanners run (default: all but <c>secret-history</c>, which <see cref="History"/> turns on).</summary>
    public IReadOnlyList<string> Scanners { get; init; } = [.. AllScanners.Where(s => s != "secret-history")];

    /// <summary>The gate's threshold and accepted not-run scanners (ignores and baseline are read from the files).</summary>
    public ScanPolicy Policy { get; init; } = new();

    /// <summary>The ignore file (default <c>.tollgate/scan-ignore.yaml</c>).</summary>
    public string IgnoreFile { get; init; } = ".tollgate/scan-ignore.yaml";

    /// <summary>The baseline file (default <c>.tollgate/scan-baseline.json</c>).</summary>
    public string BaselineFile { get; init; } = ".tollgate/scan-baseline.json";

    /// <summary>Write the baseline from this run's findings (after ignores) instead of judging against it.</summary>
    public bool UpdateBaseline { get; init; }

    /// <summary>Also scan the added lines of git history in <see cref="HistoryRange"/>.</summary>
    public bool History { get; init; }

    /// <summary>The commit range for the history scan (default <c>HEAD</c>).</summary>
    public string HistoryRange { get; init; } = "HEAD";

    /// <summary>Globs the secret scanners skip.</summary>
    public IReadOnlyList<string> SecretExcludeGlobs { get; init; } = [];

    /// <summary>OSV advisories: a directory, zip or URL (null: the dependency scanner is not run).</summary>
    public string? Advisories { get; init; }

    /// <summary>Also ask <c>dotnet list package --vulnerable</c> (NuGet's audit data) for the solution; used when its source answers.</summary>
    public bool NuGetAudit { get; init; }

    /// <summary>The solution or project the SBOM describes (default: the one .sln/.slnx in the root).</summary>
    public string? Solution { get; init; }

    /// <summary>Licence allow and deny lists.</summary>
    public LicensePolicy Licenses { get; init; } = LicensePolicy.Default;

    /// <summary>The folder searched for Helm charts (default <c>k8s</c>).</summary>
    public string ChartsFolder { get; init; } = "k8s";

    /// <summary>The helm executable.</summary>
    public string Helm { get; init; } = "helm";

    /// <summary>The Build stage's image record (default <c>artifacts/image/image.json</c>).</summary>
    public string ImageJson { get; init; } = "artifacts/image/image.json";

    /// <summary>The Docker Engine API endpoint.</summary>
    public string DockerEndpoint { get; init; } = "unix:///var/run/docker.sock";

    /// <summary>Finds optional tools (gitleaks, trivy) on PATH: returns the full path or null.</summary>
    public Func<string, string?> FindTool { get; init; } = _ => null;

    /// <summary>Tollgate's version, written into SARIF and SBOMs.</summary>
    public string ToolVersion { get; init; } = typeof(ScanOptions).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";
}
