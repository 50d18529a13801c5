namespace Tollgate.Evaluation;

/// <summary>Everything a report shows.</summary>
/// <param name="Suite">The suite.</param>
/// <param name="Run">The run.</param>
/// <param name="Gates">The gate outcomes.</param>
/// <param name="Baseline">The baseline compared against, if any.</param>
public sealed record ReportContext(EvalSuite Suite, EvalRunResult Run, GateReport Gates, Baseline? Baseline);
