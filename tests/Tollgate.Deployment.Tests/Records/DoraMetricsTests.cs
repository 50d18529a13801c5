using Tollgate.Deployment.Records;
using static Tollgate.Deployment.Tests.Records.DeploymentHistoryTests;

namespace Tollgate.Deployment.Tests.Records;

public class DoraMetricsTests
{
    private static readonly DeploymentRecord[] History =
    [
        Record(0, commitHoursBefore: 1),
        Record(24, RecordedOutcome.RolledBack, durationMinutes: 7),
        Record(48, commitHoursBefore: 3),
        Record(50, RecordedOutcome.Failed),
        Record(72, commitHoursBefore: 5),
        Record(96, RecordedOutcome.Aborted),
        Record(30, environment: "staging"),
        Record(-24 * 40),
    ];

    [Fact]
    public void The_four_metrics_are_computed_from_the_environments_records_in_the_window()
    {
        var metrics = DoraMetrics.Compute(History, "prod", T0.AddDays(10), TimeSpan.FromDays(30));

        metrics.Attempts.Should().Be(6, "the staging record and the one older than the window are left out");
        metrics.Deployments.Should().Be(4, "failed and aborted attempts never reached production");
        metrics.ChangeFailures.Should().Be(1);
        metrics.ChangeFailureRate.Should().Be(0.25);
        metrics.DeploymentsPerDay.Should().BeApproximately(4 / 30.0, 1e-9);
        metrics.FrequencyBand.Should().StartWith("medium");
        // Commit to finish for the three successes: 1 h 4 m, 3 h 4 m, 5 h 4 m.
        metrics.MedianLeadTime.Should().Be(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(4));
        // Promoted one minute in, rolled back at seven minutes.
        metrics.MedianTimeToRestore.Should().Be(TimeSpan.FromMinutes(6));
    }

    [Fact]
    public void An_empty_window_has_no_rates()
    {
        var metrics = DoraMetrics.Compute(History, "dev", T0, TimeSpan.FromDays(7));

        metrics.Deployments.Should().Be(0);
        metrics.ChangeFailureRate.Should().BeNull();
        metrics.MedianLeadTime.Should().BeNull();
        metrics.FrequencyBand.Should().StartWith("low");
        DeploymentReport.ToMarkdown(metrics).Should().Contain("| change failure rate | n/a (0 of 0 rolled back) |");
    }

    [Fact]
    public void An_even_number_of_lead_times_takes_the_middle_two()
    {
        var metrics = DoraMetrics.Compute([Record(0, commitHoursBefore: 1), Record(1, commitHoursBefore: 2)], "prod", T0.AddDays(1), TimeSpan.FromDays(2));
        metrics.MedianLeadTime.Should().Be(TimeSpan.FromMinutes(94));
        metrics.FrequencyBand.Should().StartWith("elite");
    }

    [Fact]
    public void The_text_report_shows_every_metric()
    {
        var text = DeploymentReport.ToMarkdown(DoraMetrics.Compute(History, "prod", T0.AddDays(10), TimeSpan.FromDays(30)));

        text.Should().Contain("#### DORA metrics: prod, 2026-10-13 to 2026-11-12")
            .And.Contain("| deployment frequency | 4 deployments, 0.13 per day: medium (between weekly and monthly) |")
            .And.Contain("| change failure rate | 25% (1 of 4 rolled back) |")
            .And.Contain("| lead time for changes (median) | 3h 04m |")
            .And.Contain("| time to restore service (median) | 6m 00s |")
            .And.Contain("| attempts stopped before production | 2 |");
    }

    [Theory]
    [InlineData(2.5, "2.5s")]
    [InlineData(3 * 86400 + 7200, "3d 02h")]
    public void Durations_read_at_a_glance(double seconds, string text)
    {
        DeploymentReport.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(text);
    }
}
