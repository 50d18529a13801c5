using System.Text.Json.Nodes;

namespace Tollgate.TestSupport.Http;

/// <summary>One request as a <see cref="LoopbackHttpServer"/> received it (headers by lower-case name, body as text).</summary>
public sealed record RecordedHttpRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>A header's value, or an empty string when the request had none.</summary>
    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : string.Empty;

    /// <summary>The body parsed as a JSON object (fails the test when it is not one).</summary>
    public JsonObject Json() => JsonNode.Parse(Body)?.AsObject() ?? throw new InvalidOperationException($"{Method} {PathAndQuery} had no JSON body.");
}
