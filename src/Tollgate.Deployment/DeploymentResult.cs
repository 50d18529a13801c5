using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Deployment;

/// <summary>What a deployment did: the outcome, the steps it took and the smoke-test results.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Image">The image that was deployed.</param>
/// <param name="Outcome">Deployed, rolled back or failed.</param>
/// <param name="Smoke">The smoke-test report of the new release (empty when it never got that far).</param>
public sealed record DeploymentResult(DeploymentEnvironment Environment, ImageReference Image, DeploymentOutcome Outcome, SmokeReport Smoke)
{
    /// <summary>What happened, in order (one line each), for the log and the summary.</summary>
    public ImmutableArray<string> Steps { get; init; } = [];

    /// <summary>The image serving now when it is not <see cref="Image"/> (after a rollback), if known.</summary>
    public ImageReference? ServingImage { get; init; }

    /// <summary>Why the release was rolled back or failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Whether the new release serves the environment.</summary>
    public bool Succeeded => Outcome == DeploymentOutcome.Deployed;

    /// <summary>The summary section: environment, URL, image, outcome, steps and the smoke-test table.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### DeployStaging: {Environment.Name} ({Environment.Platform})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"| | |\n|---|---|\n| URL | {Environment.Url} |\n| Release | {Environment.Release} |\n| Image | `{Image.Pinned}` |\n| Outcome | {Outcome} |\n");
        if (ServingImage is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"| Serving | `{ServingImage.Pinned}` |\n");
        }

        if (FailureReason is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"| Reason | {FailureReason.Split('\n')[0].Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        if (Steps.Length > 0)
        {
            text.Append("\nSteps:\n");
            foreach (var step in Steps)
            {
                text.Append(CultureInfo.InvariantCulture, $"1. {step}\n");
            }
        }

        if (Smoke.Results.Length > 0)
        {
            text.Append('\n').Append(Smoke.ToMarkdown());
        }

        return text.ToString();
    }
}
