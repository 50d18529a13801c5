namespace Tollgate.Containers;

/// <summary>What a clean-up by label removed.</summary>
/// <param name="Containers">Containers removed.</param>
/// <param name="Networks">Networks removed.</param>
/// <param name="Images">Images removed.</param>
public sealed record CleanupResult(int Containers, int Networks, int Images)
{
    /// <summary>How many objects were removed.</summary>
    public int Total => Containers + Networks + Images;
}
