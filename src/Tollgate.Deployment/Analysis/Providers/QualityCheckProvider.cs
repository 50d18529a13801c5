using System.Globalization;

namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>The sampled quality score of a colour (seed 004: a score below the threshold rolls back).</summary>
/// <param name="sampler">Runs the golden cases.</param>
/// <param name="serviceUrl">The colour's URL (the preview before promotion, the stable one after).</param>
public sealed class QualityCheckProvider(IQualitySampler sampler, Uri serviceUrl) : IMetricProvider
{
    /// <inheritdoc />
    public string Description => $"quality sample against {serviceUrl.GetLeftPart(UriPartial.Authority)}";

    /// <inheritdoc />
    public async Task<MetricReading> MeasureAsync(CancellationToken cancellationToken)
    {
        var sample = await sampler.RunAsync(serviceUrl, cancellationToken).ConfigureAwait(false);
        if (sample.CasesRun == 0 || sample.Score is null)
        {
            return MetricReading.NoData($"no quality check could run ({sample.Detail})");
        }

        return MetricReading.Of(sample.Score.Value, string.Create(CultureInfo.InvariantCulture, $"{sample.CasesRun} case(s): {sample.Detail}"));
    }
}
