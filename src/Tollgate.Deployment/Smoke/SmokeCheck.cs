using System.Collections.Immutable;

namespace Tollgate.Deployment.Smoke;

/// <summary>
/// A declared HTTP check of a deployed release: a request and what its answer must be. It is retried until it passes
/// or the smoke-test timeout elapses.
/// </summary>
/// <param name="Name">A short name for the summary, e.g. <c>health</c>.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">The path below the environment's URL, e.g. <c>/health</c>.</param>
/// <param name="ExpectedStatus">The expected HTTP status code.</param>
public sealed record SmokeCheck(string Name, string Method, string Path, int ExpectedStatus = 200)
{
    /// <summary>A JSON request body (sent with <c>Content-Type: application/json</c>), if any.</summary>
    public string? JsonBody { get; init; }

    /// <summary>What the response body must satisfy, all of them.</summary>
    public ImmutableArray<SmokeExpectation> Expectations { get; init; } = [];

    /// <summary>A GET check.</summary>
    public static SmokeCheck Get(string name, string path, params SmokeExpectation[] expectations) =>
        new(name, "GET", path) { Expectations = [.. expectations] };

    /// <summary>A POST check with a JSON body.</summary>
    public static SmokeCheck PostJson(string name, string path, string jsonBody, params SmokeExpectation[] expectations) =>
        new(name, "POST", path) { JsonBody = jsonBody, Expectations = [.. expectations] };

    /// <summary>The check as <c>GET /health</c>.</summary>
    public string Request => $"{Method} {Path}";
}
