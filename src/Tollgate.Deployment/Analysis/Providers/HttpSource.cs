using System.Net.Http.Headers;

namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>Reads a metric source over HTTP and turns a non-success status into a <see cref="MetricProviderException"/>.</summary>
internal static class HttpSource
{
    public static async Task<string> GetStringAsync(HttpClient http, Uri url, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var excerpt = body.Length > 200 ? body[..200] + "..." : body;
            throw new MetricProviderException($"GET {url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}: {excerpt.ReplaceLineEndings(" ")}");
        }

        return body;
    }
}
