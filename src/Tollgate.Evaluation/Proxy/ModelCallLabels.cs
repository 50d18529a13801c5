using System.Net.Http.Headers;

namespace Tollgate.Evaluation;

/// <summary>
/// Names the judge and embedding requests a run sends through the model proxy: a chat or embedding client sets the
/// label (the case) and variant (the attempt) for the call in flight, and <see cref="Handler"/> sends them as headers,
/// so a read-only miss names the case and a repeated attempt gets its own recording. One instance per run.
/// </summary>
internal sealed class ModelCallLabels
{
    /// <summary>The header naming the request (the case), URL-escaped; never part of the key.</summary>
    public const string LabelHeader = "x-tollgate-label";

    /// <summary>The header that is part of the key (e.g. <c>attempt 2</c>), URL-escaped.</summary>
    public const string VariantHeader = "x-tollgate-variant";

    private readonly AsyncLocal<(string? Label, string? Variant)> _current = new();

    /// <summary>Sets the label and variant for the calls made by the current async flow.</summary>
    public void Set(string? label, string? variant) => _current.Value = (label, variant);

    /// <summary>Creates the transport that adds the headers (the caller disposes it).</summary>
    public DelegatingHandler Handler() => new LabelingHandler(this) { InnerHandler = new SocketsHttpHandler() };

    private sealed class LabelingHandler(ModelCallLabels labels) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (label, variant) = labels._current.Value;
            Add(request.Headers, LabelHeader, label);
            Add(request.Headers, VariantHeader, variant);
            return base.SendAsync(request, cancellationToken);
        }

        private static void Add(HttpRequestHeaders headers, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                headers.TryAddWithoutValidation(name, Uri.EscapeDataString(value));
            }
        }
    }
}
