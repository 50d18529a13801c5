namespace Tollgate.Evaluation;

/// <summary>What a check computed before negation and weighting.</summary>
/// <param name="Status">Passed, failed, not run, skipped or error.</param>
/// <param name="Score">The score in 0–1.</param>
/// <param name="Reason">The explanation shown in reports.</param>
internal sealed record CheckOutcome(AssertionStatus Status, double? Score, string Reason)
{
    /// <summary>Tokens the judge used for this check.</summary>
    public TokenUsage JudgeUsage { get; init; } = TokenUsage.None;

    public static CheckOutcome Of(bool passed, double score, string reason) =>
        new(passed ? AssertionStatus.Passed : AssertionStatus.Failed, score, reason);

    public static CheckOutcome NotRun(string reason) => new(AssertionStatus.NotRun, null, reason);

    public static CheckOutcome Skipped(string reason) => new(AssertionStatus.Skipped, null, reason);
}
