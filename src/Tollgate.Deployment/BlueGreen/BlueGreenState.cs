using System.Collections.Immutable;

namespace Tollgate.Deployment.BlueGreen;

/// <summary>
/// The live state of a blue-green release, read from the platform each time (Service selector and Deployments on
/// Kubernetes, container labels locally), never from a local file: two machines and a crashed run see the same.
/// </summary>
/// <param name="Active">The colour production traffic goes to, or null before the first promotion.</param>
/// <param name="Colours">The colours that exist (running or scaled down).</param>
/// <param name="Preview">The colour the preview points at, or null when there is no preview yet.</param>
public sealed record BlueGreenState(Colour? Active, ImmutableArray<ColourState> Colours, Colour? Preview = null)
{
    /// <summary>
    /// A colour deployed and previewed but not promoted (a run stopped for a decision, or crashed before the switch):
    /// what <c>Promote</c> switches to and <c>Abort</c> removes.
    /// </summary>
    public Colour? Candidate => Preview is { } p && p != Active && Of(p) is { IsRunning: true } ? p : null;

    /// <summary>The colour that served before the active one and still runs (kept warm, or left by a paused run).</summary>
    public Colour? WarmPrevious => Active is { } a && Preview == a && Of(a.Other()) is { IsRunning: true } ? a.Other() : null;

    /// <summary>The colour a new version goes to: the one not active (blue for the very first deployment).</summary>
    public Colour Idle => Active?.Other() ?? Colour.Blue;

    /// <summary>A colour's state, or null when it does not exist.</summary>
    public ColourState? Of(Colour colour) => Colours.FirstOrDefault(c => c.Colour == colour);

    /// <summary>One line for the log: <c>active green (repo@sha256:…, 3 replicas); blue scaled down</c>.</summary>
    public string Describe()
    {
        var parts = Colours.OrderBy(c => c.Colour != Active).Select(c =>
            $"{(c.Colour == Active ? "active " : string.Empty)}{c.Colour.Label()} ({c.Image}, {(c.IsRunning ? $"{c.Replicas} running" : "scaled down")})");
        var text = string.Join("; ", parts);
        return Active is null ? $"no active colour{(text.Length > 0 ? "; " + text : string.Empty)}" : text;
    }
}
