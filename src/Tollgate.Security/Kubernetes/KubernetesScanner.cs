using CliWrap;
using CliWrap.Buffered;

namespace Tollgate.Security.Kubernetes;

/// <summary>
/// Renders every chart under the charts folder (default <c>k8s/</c>) with <c>helm template</c> once per values file
/// (<c>values*.yaml</c> beside Chart.yaml; <c>values-prod.yaml</c> is layered over <c>values.yaml</c> as helm does)
/// and checks each release with <see cref="ManifestChecker"/>.
/// </summary>
/// <param name="root">The repository root.</param>
/// <param name="chartsFolder">The folder searched for charts, relative to the root.</param>
/// <param name="helm">The helm executable (a name on PATH or a path).</param>
public sealed class KubernetesScanner(string root, string chartsFolder = "k8s", string helm = "helm") : IScanner
{
    /// <inheritdoc />
    public string Id => "kubernetes";

    /// <summary>The charts found: folders holding Chart.yaml (sub-charts under charts/ are rendered with their parent).</summary>
    public IReadOnlyList<string> Charts()
    {
        var folder = Path.Combine(root, chartsFolder);
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "Chart.yaml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!).Replace('\\', '/'))
                .Where(c => !c.Split('/').Contains("charts"))
                .Order(StringComparer.Ordinal)]
            : [];
    }

    /// <inheritdoc />
    public async Task<ScannerResult> ScanAsync(CancellationToken cancellationToken)
    {
        var charts = Charts();
        if (charts.Count == 0)
        {
            return ScannerResult.Ran(Id, KubernetesRules.All, [], 0, $"no charts under {chartsFolder}/");
        }

        var findings = new List<Finding>();
        var releases = 0;
        foreach (var chart in charts)
        {
            foreach (var values in ValuesFiles(chart))
            {
                var release = values is null ? chart : $"{chart} with {values}";
                var arguments = new List<string> { "template", "scan", Path.Combine(root, chart), "--namespace", "scan" };
                if (values is not null)
                {
                    arguments.AddRange(["-f", Path.Combine(root, chart, values)]);
                }

                BufferedCommandResult result;
                try
                {
                    result = await Cli.Wrap(helm).WithArguments(arguments).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    return ScannerResult.NotRun(Id, $"helm was not found ('{helm}'), so {charts.Count} chart(s) could not be rendered. Install helm (.ci/install.d/20-helm.sh) or pass --scan-helm.");
                }

                releases++;
                if (!result.IsSuccess)
                {
                    var rule = KubernetesRules.RenderFailed;
                    findings.Add(Finding.Create(Id, rule.Id, rule.Severity, $"helm template {chart}{(values is null ? string.Empty : $" -f {values}")} failed: {result.StandardError.Trim()}", new FindingLocation($"{chart}/{values ?? "Chart.yaml"}", 1), release) with { Help = rule.Help });
                    continue;
                }

                findings.AddRange(ManifestChecker.Check(RenderedManifest.Parse(result.StandardOutput, chart), release, chart));
            }
        }

        return ScannerResult.Ran(Id, KubernetesRules.All, findings, releases, $"{charts.Count} chart(s), {releases} values file(s) rendered");
    }

    // values.yaml alone renders the defaults; with overlays, each overlay is one release (helm layers it over values.yaml).
    private List<string?> ValuesFiles(string chart)
    {
        var overlays = Directory.EnumerateFiles(Path.Combine(root, chart), "values*.y*ml")
            .Select(Path.GetFileName)
            .Where(n => n is not ("values.yaml" or "values.yml") && !n!.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return overlays.Count == 0 ? [null] : [.. overlays];
    }
}
