namespace Tollgate.Evaluation;

/// <summary>The result of running a suite.</summary>
/// <param name="Suite">The suite name.</param>
/// <param name="Cases">Results of the cases that ran, in suite order.</param>
public sealed record EvalRunResult(string Suite, IReadOnlyList<CaseResult> Cases)
{
    /// <summary>Cases in the suite before filters and sampling.</summary>
    public int TotalCases { get; init; }

    /// <summary>Cases selected by filters and sampling.</summary>
    public int SelectedCases { get; init; }

    /// <summary>The sampled fraction.</summary>
    public double Sample { get; init; } = 1;

    /// <summary>Attempts per case.</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>Passing attempts a case needs.</summary>
    public int MinPass { get; init; } = 1;

    /// <summary>Whether fail-fast or cancellation stopped the run before every selected case ran.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>Cases taken from the resume file rather than run.</summary>
    public int Resumed { get; init; }

    /// <summary>Wall-clock duration.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Cache hits.</summary>
    public int CacheHits { get; init; }

    /// <summary>Cache misses (calls made through the cache).</summary>
    public int CacheMisses { get; init; }

    /// <summary>Model calls of the system under test answered from recordings (through the model proxy).</summary>
    public int ModelCallsReplayed { get; init; }

    /// <summary>Model calls of the system under test sent to the provider.</summary>
    public int ModelCallsForwarded { get; init; }

    /// <summary>Model calls of the system under test with no recording that could not be made.</summary>
    public int ModelCallsMissed { get; init; }

    /// <summary>Judge and embedding calls answered from recordings (through the model proxy).</summary>
    public int JudgeCallsReplayed { get; init; }

    /// <summary>Judge and embedding calls sent to the provider.</summary>
    public int JudgeCallsForwarded { get; init; }

    /// <summary>Judge and embedding calls with no recording that could not be made: their checks did not run.</summary>
    public int JudgeCallsMissed { get; init; }

    /// <summary>Retries after 429, 5xx or timeouts.</summary>
    public int Retries { get; init; }

    /// <summary>The lowest concurrency the adaptive limiter fell to.</summary>
    public int LowestConcurrency { get; init; }

    /// <summary>The seed used for sampling and bootstrap.</summary>
    public int Seed { get; init; }

    /// <summary>Whether confidence bounds rather than point estimates decide pass-rate and score gates.</summary>
    public bool IsStatistical => Repeat > 1 || Sample < 1;

    /// <summary>Cases passed.</summary>
    public int Passed => Cases.Count(c => c.Passed);
}
