using Microsoft.AspNetCore.Http;
using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Analysis.Providers;
using Tollgate.Deployment.Tests.Support;

namespace Tollgate.Deployment.Tests.Analysis;

public class WebMetricProviderTests
{
    private static readonly HttpClient Http = new();

    private const string Answer = """{"status":"healthy","data":{"errorRate":0.02,"ok":true,"series":[{"p99":"0.75"},{"p99":null}],"odd key":4}}""";

    [Theory]
    [InlineData("$.data.errorRate", 0.02)]
    [InlineData("$.data.ok", 1)]
    [InlineData("$.data.series[0].p99", 0.75)]
    [InlineData("$['data']['odd key']", 4)]
    public async Task The_value_at_the_json_path_is_the_measurement(string path, double expected)
    {
        await using var server = await LocalHttpServer.StartAsync(() => Answer);
        var reading = await new WebMetricProvider(Http, server.Url, JsonPath.Parse(path)).MeasureAsync(CancellationToken.None);
        reading.Value.Should().Be(expected);
    }

    [Fact]
    public async Task A_null_value_is_no_data_and_headers_are_sent()
    {
        string? authorization = null;
        await using var server = await LocalHttpServer.StartAsync(async context =>
        {
            authorization = context.Request.Headers.Authorization;
            await context.Response.WriteAsync(Answer);
        });
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer s3cret" };
        var reading = await new WebMetricProvider(Http, server.Url, JsonPath.Parse("$.data.series[1].p99"), headers).MeasureAsync(CancellationToken.None);

        reading.Value.Should().BeNull();
        authorization.Should().Be("Bearer s3cret");
    }

    [Theory]
    [InlineData("$.data.missing", "*the answer has nothing at $.data.missing.")]
    [InlineData("$.status", "*$.status is \"healthy\", not a number or a boolean.")]
    [InlineData("$.data.series[5]", "*nothing at $.data.series[5].")]
    [InlineData("$.data.series[*].p99", "*$.data.series[*].p99 selects 2 values; a metric is one value (use an index such as [0] instead of [*]).")]
    public async Task A_missing_or_non_numeric_value_is_a_measurement_error(string path, string message)
    {
        await using var server = await LocalHttpServer.StartAsync(() => Answer);
        var act = () => new WebMetricProvider(Http, server.Url, JsonPath.Parse(path)).MeasureAsync(CancellationToken.None);
        await act.Should().ThrowAsync<MetricProviderException>().WithMessage(message);
    }

    [Fact]
    public async Task A_server_error_is_a_measurement_error_with_the_status()
    {
        await using var server = await LocalHttpServer.StartAsync(() => "boom", "text/plain", 503);
        var act = () => new WebMetricProvider(Http, new Uri(server.Url, "health"), JsonPath.Parse("$.x")).MeasureAsync(CancellationToken.None);
        await act.Should().ThrowAsync<MetricProviderException>().WithMessage("GET http://127.0.0.1:*/health answered 503 Service Unavailable: boom");
    }

    [Theory]
    [InlineData("data.x", "*at character 1 expected '$'*")]
    [InlineData("$.a[?(@.b)]", "*at character 4 expected an index [0] or a quoted name*")]
    [InlineData("$.a[0", "*expected a closing ']'*")]
    [InlineData("$..a", "*expected a name after '.'*")]
    [InlineData("$x", "*expected '.' or '['*")]
    public void An_unsupported_path_is_rejected_with_where_and_an_example(string path, string message)
    {
        var act = () => JsonPath.Parse(path);
        act.Should().Throw<TollgateException>().WithMessage(message).WithMessage("*e.g. $.answer, $.data.errors[0].rate*");
    }
}
