using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Analysis.Providers;
using Tollgate.Deployment.Tests.Support;

namespace Tollgate.Deployment.Tests.Analysis;

public class PrometheusQueryProviderTests
{
    private static readonly HttpClient Http = new();

    private static async Task<(MetricReading? Reading, Exception? Error, LocalHttpServer Server)> MeasureAsync(string answer, int status = 200)
    {
        var server = await LocalHttpServer.StartAsync(() => answer, status: status);
        var provider = new PrometheusQueryProvider(Http, server.Url, "sum(rate(errors_total[1m]))");
        try
        {
            return (await provider.MeasureAsync(CancellationToken.None), null, server);
        }
        catch (MetricProviderException e)
        {
            return (null, e, server);
        }
    }

    [Fact]
    public async Task A_one_series_vector_is_read_and_the_query_is_sent_url_encoded()
    {
        var (reading, _, server) = await MeasureAsync("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"app"},"value":[1764504000.1,"0.0125"]}]}}""");
        await using (server)
        {
            reading!.Value.Should().Be(0.0125);
            server.Requests.Single().PathAndQuery.Should().Be("/api/v1/query?query=sum%28rate%28errors_total%5B1m%5D%29%29");
        }
    }

    [Fact]
    public async Task A_scalar_is_read()
    {
        var (reading, _, server) = await MeasureAsync("""{"status":"success","data":{"resultType":"scalar","result":[1764504000,"3"]}}""");
        await using (server)
        {
            reading!.Value.Should().Be(3);
        }
    }

    [Theory]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[]}}""", "the query returned no series")]
    [InlineData("""{"status":"success","data":{"resultType":"scalar","result":[1764504000,"NaN"]}}""", "the query returned NaN (scalar)")]
    public async Task An_empty_vector_or_NaN_is_no_data(string answer, string reason)
    {
        var (reading, _, server) = await MeasureAsync(answer);
        await using (server)
        {
            reading!.Value.Should().BeNull();
            reading.Detail.Should().Be(reason);
        }
    }

    [Theory]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"parse error at char 5"}""", 200, "*Prometheus answered bad_data: parse error at char 5")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]},{"metric":{},"value":[1,"2"]}]}}""", 200, "*returned 2 series; aggregate it to one*")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[]}}""", 200, "*result type 'matrix' is not supported*")]
    [InlineData("not json", 200, "*the answer is not JSON*")]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"x"}""", 400, "GET http://127.0.0.1:*/api/v1/query answered 400 Bad Request*")]
    public async Task Error_answers_are_measurement_errors_naming_the_cause(string answer, int status, string message)
    {
        var (_, error, server) = await MeasureAsync(answer, status);
        await using (server)
        {
            error.Should().NotBeNull();
            error!.Message.Should().Match(message);
        }
    }
}
