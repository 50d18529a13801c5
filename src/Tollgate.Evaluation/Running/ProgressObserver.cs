using System.Globalization;

namespace Tollgate.Evaluation;

/// <summary>Shows live progress on a Tollgate progress bar: cases done, pass rate, tokens and cost.</summary>
public sealed class ProgressObserver(IBuildProgress bar) : IEvalObserver
{
    /// <inheritdoc />
    public void OnCaseCompleted(CaseResult result, EvalProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        bar.Increment(1, Describe(progress));
    }

    /// <summary>
    /// The status text, e.g. <c>pass 92 % · 3,120 tokens · $0.0042</c>; without the count, which the progress bar
    /// already shows as n/total.
    /// </summary>
    public static string Describe(EvalProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(CultureInfo.InvariantCulture,
            $"pass {value.PassRate * 100:0} % · {value.Tokens:N0} tokens · ${value.CostUsd:0.####}");
    }
}
