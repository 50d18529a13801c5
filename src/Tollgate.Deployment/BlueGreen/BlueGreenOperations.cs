namespace Tollgate.Deployment.BlueGreen;

/// <summary>
/// The manual decisions on a blue-green release, each acting on the live state read from the platform:
/// Promote (switch to the previewed candidate, or finish a paused promotion), Abort (remove the candidate) and
/// Rollback (send traffic back to the other colour, scaling it up first when it was scaled down).
/// </summary>
/// <param name="platform">Where the colours run.</param>
/// <param name="log">Receives one line per step.</param>
public sealed class BlueGreenOperations(IBlueGreenPlatform platform, Action<string> log)
{
    /// <summary>Switches production to the candidate and scales the previous colour down, or scales down a colour a paused promotion kept warm.</summary>
    /// <exception cref="DeploymentException">There is nothing to promote.</exception>
    public async Task<string> PromoteAsync(CancellationToken cancellationToken)
    {
        var state = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (state.Candidate is { } candidate)
        {
            await platform.SwitchAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (state.Active is { } old)
            {
                await platform.ScaleDownAsync(old, cancellationToken).ConfigureAwait(false);
            }

            return Done($"promoted {candidate.Label()}{(state.Active is { } a ? $"; {a.Label()} scaled down" : string.Empty)}");
        }

        if (state.WarmPrevious is { } warm)
        {
            await platform.ScaleDownAsync(warm, cancellationToken).ConfigureAwait(false);
            return Done($"kept {state.Active!.Value.Label()}; {warm.Label()} scaled down");
        }

        throw new DeploymentException($"Nothing to promote: {state.Describe()}. Promote acts on a colour a BlueGreenProd run left in the preview (inconclusive analysis) or kept warm; run ./build.sh BlueGreenProd to deploy a new version.");
    }

    /// <summary>Removes the candidate that was never promoted.</summary>
    /// <exception cref="DeploymentException">There is no candidate.</exception>
    public async Task<string> AbortAsync(CancellationToken cancellationToken)
    {
        var state = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (state.Candidate is not { } candidate)
        {
            throw new DeploymentException($"Nothing to abort: {state.Describe()}. Abort removes a colour deployed to the preview but not promoted; to undo a promotion run ./build.sh Rollback.");
        }

        await platform.RemoveAsync(candidate, cancellationToken).ConfigureAwait(false);
        if (state.Active is { } active)
        {
            await platform.PreviewAsync(active, cancellationToken).ConfigureAwait(false);
        }

        return Done($"removed {candidate.Label()}; production stays on {state.Active?.Label() ?? "nothing"}");
    }

    /// <summary>Sends production back to the other colour (scaled up first when needed) and scales the rolled-back colour down.</summary>
    /// <exception cref="DeploymentException">There is no other colour to return to, or it does not become ready.</exception>
    public async Task<string> RollbackAsync(CancellationToken cancellationToken)
    {
        var state = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (state.Active is not { } active || state.Of(active.Other()) is not { } target)
        {
            throw new DeploymentException($"Nothing to roll back to: {state.Describe()}. Rollback needs the other colour to exist (it is kept, scaled down, after a promotion).");
        }

        if (!target.IsRunning)
        {
            log($"{target.Colour.Label()} is scaled down: scaling it up");
            var notReady = await platform.ScaleUpAsync(target.Colour, cancellationToken).ConfigureAwait(false);
            if (notReady is not null)
            {
                throw new DeploymentException($"Rollback stopped: {target.Colour.Label()} did not become ready ({notReady}); production stays on {active.Label()}.");
            }
        }

        await platform.SwitchAsync(target.Colour, cancellationToken).ConfigureAwait(false);
        await platform.PreviewAsync(target.Colour, cancellationToken).ConfigureAwait(false);
        await platform.ScaleDownAsync(active, cancellationToken).ConfigureAwait(false);
        return Done($"rolled back from {active.Label()} to {target.Colour.Label()} ({target.Image}); {active.Label()} scaled down");
    }

    private async Task<BlueGreenState> ReadAsync(CancellationToken cancellationToken)
    {
        var state = await platform.ReadStateAsync(cancellationToken).ConfigureAwait(false);
        log($"live state: {state.Describe()}");
        return state;
    }

    private string Done(string line)
    {
        log(line);
        return line;
    }
}
