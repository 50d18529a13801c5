namespace Tollgate.Containers;

/// <summary>An endpoint where an engine may answer, and why it is tried.</summary>
/// <param name="Endpoint">The API endpoint.</param>
/// <param name="Source">Where it came from, for messages.</param>
internal sealed record EngineCandidate(Uri Endpoint, string Source);
