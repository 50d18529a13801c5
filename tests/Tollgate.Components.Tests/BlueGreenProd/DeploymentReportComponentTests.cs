using Tollgate.Components.Tests.TestSupport;
using Tollgate.Deployment.Records;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>The DeploymentReport target through the real engine: DORA metrics from a history file, to the summary and an HTML page.</summary>
public sealed class DeploymentReportComponentTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task DeploymentReport_computes_the_DORA_metrics_of_the_history_skips_a_torn_line_and_writes_the_HTML_chart()
    {
        var history = new DeploymentHistory(_root["deployments/prod.jsonl"]);
        var now = DateTimeOffset.UtcNow;
        await history.AppendAsync(Record("blue", now.AddDays(-3), RecordedOutcome.Succeeded), CancellationToken.None);
        await history.AppendAsync(Record("green", now.AddDays(-2), RecordedOutcome.RolledBack, "error rate 0.2 > 0.01") with { PromotedAt = now.AddDays(-2).AddMinutes(2) }, CancellationToken.None);
        await history.AppendAsync(Record("green", now.AddDays(-1), RecordedOutcome.Failed, "/health did not answer"), CancellationToken.None);
        await history.AppendAsync(Record("green", now.AddHours(-2), RecordedOutcome.Succeeded), CancellationToken.None);
        await history.AppendAsync(Record("blue", now.AddDays(-90), RecordedOutcome.Succeeded), CancellationToken.None);
        await File.AppendAllTextAsync(history.Path, "{\"environment\": \"prod\", \"colo\n");
        await history.AppendAsync(Record("green", now.AddHours(-1), RecordedOutcome.Succeeded) with { Environment = "staging" }, CancellationToken.None);

        var (exitCode, output, summary) = await GitHubRun.RunAsync(new BlueGreenBuild(null), _root.Path, "DeploymentReport", "--deployment-history-file", "deployments/prod.jsonl", "--report-days", "30");

        exitCode.Should().Be(0, output);
        output.Should().Contain("prod.jsonl:6: skipped an unreadable record");
        summary.Should().Contain("#### DORA metrics: prod")
            .And.Contain("| deployment frequency | 3 deployments,")
            .And.Contain("| change failure rate | 33.3% (1 of 3 rolled back) |")
            .And.Contain("| attempts stopped before production | 1 |");
        var html = File.ReadAllText(_root["artifacts/deployments/report.html"]);
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<h1>Deployments to prod</h1>").And.Contain("aria-label=\"deployments per day\"");
    }

    private static DeploymentRecord Record(string colour, DateTimeOffset startedAt, RecordedOutcome outcome, string? reason = null) =>
        new("prod", colour, "127.0.0.1:5000/research-assistant@sha256:" + new string('b', 64), "0123abc", startedAt.AddHours(-1), "ci", startedAt, TimeSpan.FromMinutes(4), outcome, reason);
}
