namespace Tollgate.Deployment.Smoke;

/// <summary>How long smoke checks are retried.</summary>
/// <param name="Timeout">Until every check passed or this elapsed (from the start of the run).</param>
/// <param name="RetryInterval">Between attempts of a failing check.</param>
/// <param name="RequestTimeout">For one request.</param>
public sealed record SmokeOptions(TimeSpan Timeout, TimeSpan RetryInterval, TimeSpan RequestTimeout)
{
    /// <summary>Two minutes, retrying every two seconds, ten seconds per request.</summary>
    public static SmokeOptions Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
}
