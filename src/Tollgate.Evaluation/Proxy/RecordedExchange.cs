namespace Tollgate.Evaluation;

/// <summary>A recorded model response: status, content type and body. Request and response headers are never kept.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The content type (JSON, or <c>text/event-stream</c> for a streamed answer).</param>
/// <param name="Body">The body text.</param>
internal sealed record RecordedExchange(int Status, string ContentType, string Body);
