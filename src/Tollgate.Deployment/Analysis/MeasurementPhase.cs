namespace Tollgate.Deployment.Analysis;

/// <summary>How one measurement, one metric or a whole analysis ended.</summary>
public enum MeasurementPhase
{
    /// <summary>The conditions hold.</summary>
    Successful,

    /// <summary>The failure condition holds (or the success condition does not, when it is the only one).</summary>
    Failed,

    /// <summary>Neither condition decides, or the source had no data: a person decides (the rollout stops, no promotion).</summary>
    Inconclusive,

    /// <summary>The measurement could not be taken.</summary>
    Error,
}
