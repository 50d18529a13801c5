namespace Tollgate.Evaluation;

/// <summary>
/// Adds a fingerprint of the service's declared inputs to its request description, so a cached HTTP response is reused
/// only while the code, documents and prompts it was recorded against are unchanged.
/// </summary>
internal sealed class FingerprintedTarget(ISystemUnderTest inner, string fingerprint) : ISystemUnderTest
{
    public string Name => inner.Name;

    public object DescribeRequest(EvalCase evalCase) => new { request = inner.DescribeRequest(evalCase), inputs = fingerprint };

    public Task<TargetResponse> InvokeAsync(EvalCase evalCase, CancellationToken cancellationToken) => inner.InvokeAsync(evalCase, cancellationToken);
}
