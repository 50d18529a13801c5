using System.Diagnostics;

namespace ResearchAssistant.Metrics;

/// <summary>
/// Counts every request by its route template (not the raw path, so label cardinality stays bounded), times it, and
/// counts server errors.
/// </summary>
public sealed class RequestMetricsMiddleware
{
    public const string UnmatchedRoute = "unmatched";

    private readonly RequestDelegate _next;
    private readonly ServiceMetrics _metrics;

    public RequestMetricsMiddleware(RequestDelegate next, ServiceMetrics metrics)
    {
        _next = next;
        _metrics = metrics;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? UnmatchedRoute;
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            _metrics.RecordRequest(route, context.Request.Method, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
            if (failed || status >= StatusCodes.Status500InternalServerError)
            {
                _metrics.RecordError(route);
            }
        }
    }
}
