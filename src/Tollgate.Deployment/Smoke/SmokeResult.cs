namespace Tollgate.Deployment.Smoke;

/// <summary>How one smoke check ended.</summary>
/// <param name="Check">The check.</param>
/// <param name="Passed">Whether it passed (on its last attempt).</param>
/// <param name="Attempts">How many times it was sent.</param>
/// <param name="StatusCode">The last HTTP status, or null when no answer came.</param>
/// <param name="Message">Why the last attempt failed, or what passed.</param>
/// <param name="Duration">From the first attempt to the last answer.</param>
public sealed record SmokeResult(SmokeCheck Check, bool Passed, int Attempts, int? StatusCode, string Message, TimeSpan Duration);
