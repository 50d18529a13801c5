namespace Tollgate.Evaluation;

/// <summary>The outcome of one check.</summary>
public enum AssertionStatus
{
    /// <summary>The check ran and passed.</summary>
    Passed,

    /// <summary>The check ran and failed.</summary>
    Failed,

    /// <summary>The check could not run (no judge, provider error, cache miss); never counted as passed.</summary>
    NotRun,

    /// <summary>The check does not apply to this case (e.g. recall without expected document ids); excluded from scores.</summary>
    Skipped,

    /// <summary>The check broke (e.g. the judge's JSON stayed malformed after one repair); the case errors.</summary>
    Error,
}
