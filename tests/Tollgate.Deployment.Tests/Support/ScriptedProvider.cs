using Tollgate.Deployment.Analysis;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>A provider that answers from a script: a number, null (no data) or an exception, one per measurement.</summary>
public sealed class ScriptedProvider(params object?[] script) : IMetricProvider
{
    public int Calls { get; private set; }

    public string Description => "scripted";

    public Task<MetricReading> MeasureAsync(CancellationToken cancellationToken)
    {
        var step = script[Math.Min(Calls, script.Length - 1)];
        Calls++;
        return step switch
        {
            double value => Task.FromResult(MetricReading.Of(value)),
            int value => Task.FromResult(MetricReading.Of(value)),
            null => Task.FromResult(MetricReading.NoData("nothing")),
            Exception e => Task.FromException<MetricReading>(e),
            _ => throw new InvalidOperationException($"bad script step {step}"),
        };
    }
}
