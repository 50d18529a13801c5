namespace Tollgate.Evaluation;

/// <summary>How calls to providers and judges are retried.</summary>
/// <param name="MaxRetries">Retries after the first attempt.</param>
/// <param name="BaseDelay">The first backoff delay; doubled per retry, with jitter.</param>
/// <param name="MaxDelay">The longest wait, including a server's Retry-After.</param>
public sealed record RetryPolicy(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>4 retries from 500 ms, at most 60 s.</summary>
    public static RetryPolicy Default { get; } = new(4, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60));

    /// <summary>No retries.</summary>
    public static RetryPolicy None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Returns a copy with <paramref name="maxRetries"/>.</summary>
    public RetryPolicy WithMaxRetries(int maxRetries) => this with { MaxRetries = maxRetries };
}
