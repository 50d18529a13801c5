using Tollgate.Deployment.Records;

namespace Tollgate.Components.BlueGreenProd;

/// <summary>The DeploymentReport target's work: DORA metrics to the log and summary, an HTML page to artifacts/deployments.</summary>
internal static class DeploymentReportStage
{
    public static async Task RunAsync(IBlueGreenProd build, CancellationToken cancellationToken)
    {
        var history = BlueGreenProdStage.History(build);
        var records = history.ReadAll(build.Log.Warning);
        var metrics = DoraMetrics.Compute(records, build.ProdEnvironment.Name, DateTimeOffset.UtcNow, TimeSpan.FromDays(build.ReportDays ?? 30));
        var markdown = DeploymentReport.ToMarkdown(metrics);
        build.Log.Information(markdown);
        build.Host.AppendSummary(markdown);
        var file = build.ArtifactsDirectory / "deployments" / "report.html";
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, DeploymentReportHtml.Render(metrics, records), cancellationToken).ConfigureAwait(false);
        build.Log.Information($"{records.Count} records in {history.Path}; report: {file}");
    }
}
