namespace Tollgate.Evaluation;

/// <summary>Where and how responses are cached.</summary>
/// <param name="Directory">The cache directory (e.g. <c>evals/.cache</c>; commit it to replay in CI).</param>
/// <param name="Mode">The cache mode.</param>
/// <param name="TimeToLive">How long an entry is valid; <see langword="null"/> for ever.</param>
public sealed record CacheOptions(string Directory, CacheMode Mode = CacheMode.ReadWrite, TimeSpan? TimeToLive = null)
{
    /// <summary>
    /// Masks secrets in entries before they are written: a cache is meant to be committed, so a response that echoes a
    /// key must not carry it into the repository.
    /// </summary>
    public SecretMasker? Masker { get; init; }

    /// <summary>Returns a copy that masks <paramref name="masker"/>'s secrets in written entries.</summary>
    public CacheOptions WithMasker(SecretMasker? masker) => this with { Masker = masker };

    /// <summary>Returns a copy with <paramref name="mode"/>.</summary>
    public CacheOptions WithMode(CacheMode mode) => this with { Mode = mode };

    /// <summary>Returns a copy with <paramref name="timeToLive"/>.</summary>
    public CacheOptions WithTimeToLive(TimeSpan? timeToLive) => this with { TimeToLive = timeToLive };
}
