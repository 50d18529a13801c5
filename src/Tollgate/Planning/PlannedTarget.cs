namespace Tollgate;

/// <summary>A target of a plan and what the planner decided for it.</summary>
/// <param name="Spec">The target.</param>
/// <param name="Skipped">Whether it is skipped before anything runs.</param>
/// <param name="SkipReason">Why it is skipped (<c>--skip</c>, the source text of a false static condition, a cascade).</param>
/// <param name="IsInvoked">Whether it was named on the command line (or is the default target).</param>
/// <param name="TriggeredBy">The executing target whose Triggers added it to the plan, if that is how it got there.</param>
public sealed record PlannedTarget(TargetSpec Spec, bool Skipped, string? SkipReason, bool IsInvoked, string? TriggeredBy = null)
{
    /// <summary>The target's name.</summary>
    public string Name => Spec.Name;
}
