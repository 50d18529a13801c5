using Tollgate.Deployment.Analysis.Providers;

namespace Tollgate.Deployment.Tests.BlueGreen;

/// <summary>A quality sample that asks the colour a few questions and scores the share answered with 200 (in place of LlmEval's golden cases).</summary>
internal sealed class QueryingSampler(HttpClient http, int questions) : IQualitySampler
{
    public async Task<QualitySample> RunAsync(Uri serviceUrl, CancellationToken cancellationToken)
    {
        var passed = 0;
        for (var i = 0; i < questions; i++)
        {
            using var response = await http.PostAsync(new Uri(serviceUrl, "/query"), new StringContent("{\"question\":\"q\"}"), cancellationToken);
            passed += response.IsSuccessStatusCode ? 1 : 0;
        }

        return new QualitySample(passed / (double)questions, questions, $"{questions - passed} of {questions} failed");
    }
}
