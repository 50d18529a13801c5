namespace Tollgate.Deployment.BlueGreen;

/// <summary>What runs in one colour, as the platform reports it.</summary>
/// <param name="Colour">The colour.</param>
/// <param name="Image">The image it runs (by digest where the platform says so).</param>
/// <param name="Replicas">Desired replicas (Kubernetes) or running containers (local); 0 when scaled down.</param>
public sealed record ColourState(Colour Colour, string Image, int Replicas)
{
    /// <summary>Whether it can take traffic at once (warm).</summary>
    public bool IsRunning => Replicas > 0;
}
