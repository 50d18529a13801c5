namespace Tollgate.Evaluation;

/// <summary>The system a suite evaluates: a prompt on a model, an HTTP endpoint or an in-process delegate.</summary>
public interface ISystemUnderTest
{
    /// <summary>The provider name (part of cache keys).</summary>
    string Name { get; }

    /// <summary>
    /// What identifies the request for <paramref name="evalCase"/> in the cache: the rendered request without the
    /// endpoint URL or credentials.
    /// </summary>
    object DescribeRequest(EvalCase evalCase);

    /// <summary>Runs one case.</summary>
    Task<TargetResponse> InvokeAsync(EvalCase evalCase, CancellationToken cancellationToken);
}
