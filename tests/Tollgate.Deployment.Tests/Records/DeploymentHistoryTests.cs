using Tollgate.Deployment.Records;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.Records;

public class DeploymentHistoryTests
{
    internal static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    internal static DeploymentRecord Record(double startHours, RecordedOutcome outcome = RecordedOutcome.Succeeded, double commitHoursBefore = 2, string environment = "prod", int durationMinutes = 4) =>
        new(environment, "green", "127.0.0.1:5000/ra@sha256:" + new string('a', 64), "0123456789abcdef", T0.AddHours(startHours - commitHoursBefore), "ci",
            T0.AddHours(startHours), TimeSpan.FromMinutes(durationMinutes), outcome, outcome == RecordedOutcome.Succeeded ? null : "error-rate failed",
            outcome == RecordedOutcome.RolledBack ? T0.AddHours(startHours).AddMinutes(1) : null);

    [Fact]
    public async Task Records_are_appended_one_per_line_and_read_back_in_time_order()
    {
        using var dir = new TempDirectory();
        var history = new DeploymentHistory(dir["deployments/history.jsonl"]);
        await history.AppendAsync(Record(5), CancellationToken.None);
        await history.AppendAsync(Record(1, RecordedOutcome.RolledBack), CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(history.Path);
        lines.Should().HaveCount(2);
        lines[1].Should().Contain("\"outcome\":\"rolled-back\"").And.Contain("\"reason\":\"error-rate failed\"");
        history.ReadAll().Select(r => r.StartedAt).Should().Equal(T0.AddHours(1), T0.AddHours(5));
        history.ReadAll()[0].Should().Be(Record(1, RecordedOutcome.RolledBack));
    }

    [Fact]
    public async Task A_line_torn_by_a_crash_is_skipped_and_reported_with_its_line_number()
    {
        using var dir = new TempDirectory();
        var history = new DeploymentHistory(dir["history.jsonl"]);
        await history.AppendAsync(Record(1), CancellationToken.None);
        await File.AppendAllTextAsync(history.Path, "{\"environment\":\"prod\",\"col");
        var skipped = new List<string>();

        history.ReadAll(skipped.Add).Should().HaveCount(1);
        skipped.Should().ContainSingle().Which.Should().Match("*history.jsonl:2: skipped an unreadable record*");
    }

    [Fact]
    public void A_missing_history_is_empty()
    {
        new DeploymentHistory("/nonexistent/history.jsonl").ReadAll().Should().BeEmpty();
    }

    [Fact]
    public async Task Concurrent_appends_keep_every_record_whole()
    {
        using var dir = new TempDirectory();
        var history = new DeploymentHistory(dir["history.jsonl"]);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => history.AppendAsync(Record(i), CancellationToken.None)));

        var skipped = new List<string>();
        history.ReadAll(skipped.Add).Should().HaveCount(20);
        skipped.Should().BeEmpty();
    }
}
