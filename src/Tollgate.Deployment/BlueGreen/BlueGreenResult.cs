using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Records;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Deployment.BlueGreen;

/// <summary>What a blue-green run did.</summary>
/// <param name="Outcome">Succeeded, RolledBack (after promotion), Failed (before production) or Aborted (inconclusive: a decision is needed).</param>
/// <param name="Colour">The colour the new version went to.</param>
/// <param name="Previous">The colour that was active before, if any.</param>
/// <param name="Reason">Why it did not succeed.</param>
public sealed record BlueGreenResult(RecordedOutcome Outcome, Colour Colour, Colour? Previous, string? Reason)
{
    /// <summary>What happened, in order.</summary>
    public ImmutableArray<string> Steps { get; init; } = [];

    /// <summary>The smoke tests against the preview.</summary>
    public SmokeReport? Smoke { get; init; }

    /// <summary>The pre-promotion analysis, if it ran.</summary>
    public AnalysisRunResult? PrePromotion { get; init; }

    /// <summary>The post-promotion analysis, if it ran.</summary>
    public AnalysisRunResult? PostPromotion { get; init; }

    /// <summary>When the new colour took production traffic.</summary>
    public DateTimeOffset? PromotedAt { get; init; }

    /// <summary>From the measurement that failed post-promotion analysis to traffic being back on the previous colour.</summary>
    public TimeSpan? RollbackLatency { get; init; }

    /// <summary>The summary section: outcome, steps, smoke tests and every analysis measurement.</summary>
    public string ToMarkdown(string environment)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### BlueGreenProd: {environment}, {Colour.Label()}: {Outcome}\n\n");
        if (Reason is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Reason: {Reason}\n\n");
        }

        if (RollbackLatency is { } latency)
        {
            text.Append(CultureInfo.InvariantCulture, $"Traffic back on {Previous?.Label()} {DurationText.Format(latency)} after the failing measurement.\n\n");
        }

        foreach (var step in Steps)
        {
            text.Append("1. ").Append(step).Append('\n');
        }

        text.Append('\n');
        if (Smoke is { Results.Length: > 0 })
        {
            text.Append(Smoke.ToMarkdown()).Append('\n');
        }

        foreach (var analysis in new[] { PrePromotion, PostPromotion }.OfType<AnalysisRunResult>())
        {
            text.Append(analysis.ToMarkdown()).Append('\n');
        }

        return text.ToString();
    }
}
