using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Analysis.Providers;

namespace Tollgate.Deployment.Tests.Analysis;

public class QualityCheckProviderTests
{
    private sealed class Sampler(QualitySample sample) : IQualitySampler
    {
        public Uri? Target { get; private set; }

        public Task<QualitySample> RunAsync(Uri serviceUrl, CancellationToken cancellationToken)
        {
            Target = serviceUrl;
            return Task.FromResult(sample);
        }
    }

    [Fact]
    public async Task The_score_of_the_sampled_cases_is_the_measurement_taken_against_the_colour()
    {
        var sampler = new Sampler(new QualitySample(0.6, 5, "2 failed: rag-003, rag-010"));
        var reading = await new QualityCheckProvider(sampler, new Uri("http://127.0.0.1:5001/")).MeasureAsync(CancellationToken.None);

        reading.Value.Should().Be(0.6);
        reading.Detail.Should().Be("5 case(s): 2 failed: rag-003, rag-010");
        sampler.Target.Should().Be(new Uri("http://127.0.0.1:5001/"));
    }

    [Fact]
    public async Task A_sample_where_no_check_could_run_is_no_data_and_makes_the_analysis_inconclusive()
    {
        var provider = new QualityCheckProvider(new Sampler(new QualitySample(null, 0, "judge unavailable")), new Uri("http://127.0.0.1:5001/"));
        var result = await new AnalysisRunner(new Support.FakeClock())
            .RunAsync(new AnalysisTemplate("pre", [new AnalysisMetric("quality", provider) { SuccessCondition = MetricCondition.AtLeast(0.8) }]), null, CancellationToken.None);

        result.Phase.Should().Be(MeasurementPhase.Inconclusive);
        result.Metrics[0].Measurements[0].Message.Should().Be("no quality check could run (judge unavailable)");
    }
}
