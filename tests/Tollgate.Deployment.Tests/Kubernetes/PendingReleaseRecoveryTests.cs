using Tollgate.Deployment.Kubernetes;

namespace Tollgate.Deployment.Tests.Kubernetes;

public sealed class PendingReleaseRecoveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    private static PendingReleaseRecovery Recovery => new(TimeSpan.FromMinutes(10), new FixedClock(Now));

    public static string History(params (int Revision, string Status, int MinutesAgo)[] revisions) =>
        "[" + string.Join(",", revisions.Select(r =>
            $"{{\"revision\":{r.Revision},\"updated\":\"{Now.AddMinutes(-r.MinutesAgo):yyyy-MM-ddTHH:mm:ss.fffffffzzz}\",\"status\":\"{r.Status}\",\"chart\":\"research-assistant-0.1.0\",\"app_version\":\"0.1.0\",\"description\":\"x\"}}")) + "]";

    [Fact]
    public void History_json_is_read_in_revision_order_with_status_and_time()
    {
        var history = HelmRevision.ParseHistory(History((2, "deployed", 5), (1, "superseded", 60)));

        history.Select(r => r.Revision).Should().Equal(1, 2);
        history[1].Status.Should().Be("deployed");
        history[1].Updated.Should().Be(Now.AddMinutes(-5));
    }

    [Fact]
    public void A_stale_pending_upgrade_is_rolled_back_to_the_last_good_revision()
    {
        var plan = Recovery.Plan("r", HelmRevision.ParseHistory(History((1, "superseded", 90), (2, "deployed", 60), (3, "pending-upgrade", 30))));

        plan.Action.Should().Be(RecoveryAction.Rollback);
        plan.Revision.Should().Be(2);
        plan.Reason.Should().Contain("pending-upgrade");
    }

    [Fact]
    public void A_stale_pending_install_is_uninstalled_since_nothing_served_before()
    {
        var plan = Recovery.Plan("r", HelmRevision.ParseHistory(History((1, "pending-install", 30))));

        plan.Action.Should().Be(RecoveryAction.Uninstall);
    }

    [Fact]
    public void A_pending_rollback_returns_to_the_revision_before_it()
    {
        var plan = Recovery.Plan("r", HelmRevision.ParseHistory(History((1, "superseded", 90), (2, "failed", 60), (3, "pending-rollback", 20))));

        plan.Action.Should().Be(RecoveryAction.Rollback);
        plan.Revision.Should().Be(1);
    }

    [Fact]
    public void A_recent_pending_revision_may_be_another_run_so_it_is_reported_not_touched() =>
        FluentActions.Invoking(() => Recovery.Plan("r", HelmRevision.ParseHistory(History((1, "deployed", 60), (2, "pending-upgrade", 3)))))
            .Should().Throw<DeploymentException>().WithMessage("*pending-upgrade*another deploy may still be running*");

    [Fact]
    public void A_settled_or_absent_release_needs_nothing_and_one_that_never_served_is_uninstalled()
    {
        Recovery.Plan("r", []).Action.Should().Be(RecoveryAction.None);
        Recovery.Plan("r", HelmRevision.ParseHistory(History((1, "superseded", 90), (2, "failed", 60)))).Action.Should().Be(RecoveryAction.None);
        Recovery.Plan("r", HelmRevision.ParseHistory(History((1, "failed", 60)))).Action.Should().Be(RecoveryAction.Uninstall);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"revision\":1}")]
    [InlineData("[{\"status\":\"deployed\"}]")]
    public void Output_that_is_not_helm_history_is_an_error_that_quotes_it(string json) =>
        FluentActions.Invoking(() => HelmRevision.ParseHistory(json)).Should().Throw<DeploymentException>().WithMessage("*helm history*");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
