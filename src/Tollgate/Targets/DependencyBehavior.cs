namespace Tollgate;

/// <summary>What happens to a skipped target's dependencies that nothing else in the plan needs.</summary>
public enum DependencyBehavior
{
    /// <summary>They are skipped too (the default).</summary>
    Skip,

    /// <summary>They still execute.</summary>
    Execute,
}
