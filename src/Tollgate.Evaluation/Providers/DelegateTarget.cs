namespace Tollgate.Evaluation;

/// <summary>An in-process system under test: a delegate that answers a case.</summary>
/// <param name="name">The provider name (part of cache keys).</param>
/// <param name="invoke">Answers a case.</param>
public sealed class DelegateTarget(string name, Func<EvalCase, CancellationToken, Task<TargetResponse>> invoke) : ISystemUnderTest
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public object DescribeRequest(EvalCase evalCase)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        return new { provider = name, vars = new SortedDictionary<string, string>(evalCase.Vars.ToDictionary(), StringComparer.Ordinal), input = evalCase.Input };
    }

    /// <inheritdoc />
    public Task<TargetResponse> InvokeAsync(EvalCase evalCase, CancellationToken cancellationToken) => invoke(evalCase, cancellationToken);
}
