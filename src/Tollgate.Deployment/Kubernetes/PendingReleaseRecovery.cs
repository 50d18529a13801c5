using System.Collections.Immutable;

namespace Tollgate.Deployment.Kubernetes;

/// <summary>What to do about a release's history before an upgrade.</summary>
internal enum RecoveryAction
{
    /// <summary>Nothing: no release, or its last revision is settled.</summary>
    None,

    /// <summary>Roll back to the last good revision (a pending upgrade or rollback was interrupted).</summary>
    Rollback,

    /// <summary>Uninstall: the release never served (an interrupted or failed first install), so there is nothing to return to.</summary>
    Uninstall,
}

/// <summary>The decision on a release's history.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Revision">The revision to roll back to (for <see cref="RecoveryAction.Rollback"/>).</param>
/// <param name="Reason">Why, for the log and the summary.</param>
internal sealed record RecoveryPlan(RecoveryAction Action, int? Revision, string Reason);

/// <summary>
/// Detects a release left in pending-install, pending-upgrade or pending-rollback by an interrupted run (helm issue
/// 7476: helm then refuses "another operation is in progress") and decides how to recover. A pending revision younger
/// than <paramref name="staleAfter"/> may belong to a run still in progress, so it is reported instead of touched.
/// </summary>
/// <param name="staleAfter">How old a pending revision must be to count as abandoned (the deploy timeout is a good value).</param>
/// <param name="timeProvider">The clock.</param>
internal sealed class PendingReleaseRecovery(TimeSpan staleAfter, TimeProvider timeProvider)
{
    /// <summary>Decides what to do about a release's history (ascending revisions; empty when there is no release).</summary>
    /// <exception cref="DeploymentException">A pending revision is too recent to be called abandoned.</exception>
    public RecoveryPlan Plan(string release, ImmutableArray<HelmRevision> history)
    {
        if (history.IsDefaultOrEmpty)
        {
            return new RecoveryPlan(RecoveryAction.None, null, $"{release} is not installed yet");
        }

        var last = history[^1];
        var good = history.LastOrDefault(r => r.IsGood && r.Revision < last.Revision);
        if (last.IsPending)
        {
            var age = last.Updated is { } updated ? timeProvider.GetUtcNow() - updated : TimeSpan.MaxValue;
            if (age < staleAfter)
            {
                throw new DeploymentException(
                    $"The release {release} is {last.Status} (revision {last.Revision}, {age.TotalMinutes:0.#} min ago): another deploy may still be running. "
                    + $"Wait for it, or rerun after {staleAfter.TotalMinutes:0.#} min when Tollgate treats it as abandoned and recovers it.");
            }

            return good is null
                ? new RecoveryPlan(RecoveryAction.Uninstall, null, $"{release} revision {last.Revision} was left {last.Status} and no earlier revision served: uninstalling it")
                : new RecoveryPlan(RecoveryAction.Rollback, good.Revision, $"{release} revision {last.Revision} was left {last.Status}: rolling back to revision {good.Revision}");
        }

        if (!history.Any(r => r.IsGood || r.Status == "deployed"))
        {
            // "has no deployed releases": helm refuses to upgrade a release whose every revision failed.
            return new RecoveryPlan(RecoveryAction.Uninstall, null, $"{release} has no revision that ever served (last: {last.Status}): uninstalling it");
        }

        return new RecoveryPlan(RecoveryAction.None, null, $"{release} is at revision {last.Revision} ({last.Status})");
    }
}
