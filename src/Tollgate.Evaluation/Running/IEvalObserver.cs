namespace Tollgate.Evaluation;

/// <summary>Running totals reported after each case.</summary>
/// <param name="Done">Cases finished.</param>
/// <param name="Total">Cases selected.</param>
/// <param name="Passed">Cases passed so far.</param>
/// <param name="Tokens">Tokens so far.</param>
/// <param name="CostUsd">Cost so far.</param>
public sealed record EvalProgress(int Done, int Total, int Passed, long Tokens, double CostUsd)
{
    /// <summary>Pass rate so far.</summary>
    public double PassRate => Done == 0 ? 0 : Passed / (double)Done;
}

/// <summary>Receives live progress from <see cref="EvaluationRunner"/>; called from worker threads, one call at a time.</summary>
public interface IEvalObserver
{
    /// <summary>A case finished.</summary>
    void OnCaseCompleted(CaseResult result, EvalProgress progress);
}
