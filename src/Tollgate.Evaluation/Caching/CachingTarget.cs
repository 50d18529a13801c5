namespace Tollgate.Evaluation;

/// <summary>Serves the system under test's responses from a <see cref="ResponseCache"/>.</summary>
internal sealed class CachingTarget(ISystemUnderTest inner, ResponseCache cache) : ISystemUnderTest
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public object DescribeRequest(EvalCase evalCase) => inner.DescribeRequest(evalCase);

    /// <inheritdoc />
    public Task<TargetResponse> InvokeAsync(EvalCase evalCase, CancellationToken cancellationToken) => InvokeAsync(evalCase, 1, cancellationToken);

    /// <summary>Runs attempt <paramref name="attempt"/> of a case; repeats are cached separately so they stay independent samples.</summary>
    public async Task<TargetResponse> InvokeAsync(EvalCase evalCase, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        var material = new { kind = "target", request = inner.DescribeRequest(evalCase), attempt = attempt > 1 ? attempt : (int?)null };
        var (response, hit) = await cache.GetOrCreateAsync(evalCase.Id, material, ct => inner.InvokeAsync(evalCase, ct), cancellationToken).ConfigureAwait(false);
        return hit ? response with { Cached = true } : response;
    }
}
