using Tollgate.Deployment.Analysis.Providers;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>
/// A quality sampler whose judges are all unavailable: no case can be scored, so the quality metric has no data and
/// pre-promotion analysis is inconclusive, the stage's own way of leaving a candidate in the preview for a decision.
/// Counts the samples so a test can show the analysis really ran against the candidate.
/// </summary>
internal sealed class UnavailableQualitySampler : IQualitySampler
{
    private int _samples;

    public int Samples => _samples;

    public Uri? LastServiceUrl { get; private set; }

    public Task<QualitySample> RunAsync(Uri serviceUrl, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _samples);
        LastServiceUrl = serviceUrl;
        return Task.FromResult(new QualitySample(null, 0, "every judge was unavailable"));
    }
}
