namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>
/// Runs a few golden cases against a deployed colour and scores them (the build wires LlmEval behind it, so this
/// library does not depend on the evaluation library).
/// </summary>
public interface IQualitySampler
{
    /// <summary>Runs the sampled cases against <paramref name="serviceUrl"/> and returns the score (0..1).</summary>
    Task<QualitySample> RunAsync(Uri serviceUrl, CancellationToken cancellationToken);
}
