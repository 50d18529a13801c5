namespace Tollgate;

/// <summary>A target's use of another target's products.</summary>
/// <param name="ProducerTarget">The target whose <c>Produces</c> paths are used.</param>
/// <param name="Paths">The paths used; empty means everything the producer declares.</param>
public sealed record ArtifactConsumption(string ProducerTarget, IReadOnlyList<string> Paths);
