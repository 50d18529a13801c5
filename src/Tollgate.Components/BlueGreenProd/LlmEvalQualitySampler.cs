using System.Globalization;
using Tollgate.Deployment.Analysis.Providers;
using Tollgate.Evaluation;

namespace Tollgate.Components.BlueGreenProd;

/// <summary>
/// Runs a few golden cases of an LlmEval suite in-process against a deployed colour (no cache: the colour answers) and
/// scores the pass rate. The cases are chosen once from the seed, so every sample of a run asks the same questions.
/// </summary>
/// <param name="suitePath">The suite file.</param>
/// <param name="sampleSize">Cases per sample.</param>
/// <param name="seed">Chooses the cases.</param>
public sealed class LlmEvalQualitySampler(string suitePath, int sampleSize, int seed) : IQualitySampler
{
    /// <inheritdoc />
    public async Task<QualitySample> RunAsync(Uri serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var suite = SuiteLoader.Load(suitePath);
        var ids = suite.Cases.Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var chosen = ids.OrderBy(_ => random.Next()).Take(Math.Max(1, sampleSize)).ToList();
        var path = new Uri(suite.Provider.Url ?? "http://x/query").AbsolutePath;
        var options = EvalRunOptions.Default.WithCache(null).WithFilter(chosen, []).WithProviderUrl(new Uri(serviceUrl, path)).WithConcurrency(2);
        var run = await new EvaluationRunner().RunAsync(suite, options, null, cancellationToken).ConfigureAwait(false);
        if (run.Cases.Count == 0)
        {
            return new QualitySample(null, 0, "no case ran");
        }

        var failed = run.Cases.Where(c => !c.Passed).Select(c => c.Id).ToList();
        var detail = failed.Count == 0 ? "all passed" : string.Create(CultureInfo.InvariantCulture, $"{failed.Count} failed: {string.Join(", ", failed)}");
        return new QualitySample((double)run.Passed / run.Cases.Count, run.Cases.Count, detail);
    }
}
