using Tollgate.Evaluation;

namespace Tollgate.Components.LlmEval;

/// <summary>What the LlmEval target produced: the run, its gates and the report files.</summary>
/// <param name="Suite">The suite.</param>
/// <param name="Run">The run.</param>
/// <param name="Gates">The gates.</param>
/// <param name="Reports">The report files.</param>
public sealed record LlmEvalOutcome(EvalSuite Suite, EvalRunResult Run, GateReport Gates, ReportFiles Reports)
{
    /// <summary>The step summary's Markdown, masked.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>Masks secrets in the diagnostics' messages.</summary>
    public SecretMasker? Masker { get; init; }

    /// <summary>
    /// One diagnostic per failing case, at the case's line in its cases file: an error when the gates failed, a warning
    /// when the suite passed its gates anyway.
    /// </summary>
    public IEnumerable<Diagnostic> Diagnostics(AbsolutePath root) =>
        Run.Cases.Where(c => !c.Passed).Select(c =>
        {
            var location = Suite.Cases.FirstOrDefault(x => x.Id == c.Id)?.Location;
            var file = location is null ? null : new AbsolutePath(location.File).RelativeTo(root);
            return new Diagnostic(Gates.Passed ? LogLevel.Warning : LogLevel.Error, $"LlmEval case '{c.Id}' failed: {Masker?.Apply(MarkdownReport.FirstReason(c)) ?? MarkdownReport.FirstReason(c)}", file, location?.Line, location?.Column, "LLMEVAL");
        });
}
