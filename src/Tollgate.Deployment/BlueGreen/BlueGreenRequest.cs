using System.Collections.Immutable;
using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Deployment.BlueGreen;

/// <summary>What a blue-green run deploys and how it decides.</summary>
/// <param name="Environment">The environment name (for records and messages).</param>
/// <param name="Image">The image, by digest.</param>
public sealed record BlueGreenRequest(string Environment, ImageReference Image)
{
    /// <summary>The commit the image was built from.</summary>
    public string Commit { get; init; } = "unknown";

    /// <summary>When the commit was made (for the lead time), if known.</summary>
    public DateTimeOffset? CommitTime { get; init; }

    /// <summary>Who started the run.</summary>
    public string Actor { get; init; } = "unknown";

    /// <summary>Smoke checks run against the preview before analysis.</summary>
    public ImmutableArray<SmokeCheck> SmokeChecks { get; init; } = [];

    /// <summary>Smoke-test retries.</summary>
    public SmokeOptions Smoke { get; init; } = SmokeOptions.Default;

    /// <summary>The analysis that gates the switch, built for the preview URL; null for none.</summary>
    public Func<Uri, AnalysisTemplate>? PrePromotion { get; init; }

    /// <summary>The analysis after the switch that keeps or rolls back, built for the stable URL; null for none.</summary>
    public Func<Uri, AnalysisTemplate>? PostPromotion { get; init; }

    /// <summary>How long the previous colour stays warm after a successful promotion (default 30 s, as Argo Rollouts).</summary>
    public TimeSpan ScaleDownDelay { get; init; } = TimeSpan.FromSeconds(30);
}
