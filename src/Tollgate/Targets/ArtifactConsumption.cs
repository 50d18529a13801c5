namespace Tollgate;

/// <summary>A target's use of another target's products.</summary>
/// <param name="ProducerTarget">The target whose <c>Produces</c> paths are used.</param>
/// <param name="Paths">The paths used; empty means everything the producer declares.</param>
public sealed record ArtifactConsumption(string ProducerTarget, IReadOnlyList<string> Paths)
{
    /// <summary>
    /// Used only when the producer runs in the same plan (a CI workflow that has its job): then its artifact is downloaded;
    /// a workflow without it is valid and the consumer runs on what it finds (<c>ConsumesIfPresent</c>).
    /// </summary>
    public bool IfPresent { get; init; }
}
