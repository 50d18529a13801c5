namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>The outcome of one sampled quality check.</summary>
/// <param name="Score">The score (e.g. the pass rate), or null when no check could run (e.g. every judge was unavailable).</param>
/// <param name="CasesRun">How many cases ran.</param>
/// <param name="Detail">Which cases failed, for the summary.</param>
public sealed record QualitySample(double? Score, int CasesRun, string Detail);
