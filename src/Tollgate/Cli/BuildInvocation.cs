namespace Tollgate;

/// <summary>
/// What a run learns about its invocation, in a fixed order (see <see cref="TollgateBuild"/>): the resolved
/// parameters first, then the invoked targets. Each is set exactly once, before anything reads it; reading the invoked
/// targets too early is an error that says where they can be read.
/// </summary>
internal sealed class BuildInvocation
{
    private ResolvedParameters? _parameters;
    private IReadOnlyList<string>? _invokedTargets;

    /// <summary>The resolved parameters; empty until they are resolved (parameter defaults see no values yet).</summary>
    public ResolvedParameters Parameters => _parameters ?? ResolvedParameters.Empty;

    /// <summary>The invoked targets (the command line's, parameters.json's or the default target).</summary>
    /// <exception cref="TollgateException">Read before the targets were discovered.</exception>
    public IReadOnlyList<string> InvokedTargets => _invokedTargets ?? throw new TollgateException(
        "InvokedTargets is not known yet: it is set after parameters are injected and targets are discovered, right before the plan is made. " +
        "Read it inside a condition (OnlyWhenStatic, OnlyWhenDynamic) or an action (Executes), not in a constructor, a field initializer or a parameter default.");

    /// <summary>Sets the resolved parameters (once).</summary>
    public void SetParameters(ResolvedParameters parameters)
    {
        if (_parameters is not null)
        {
            throw new InvalidOperationException("The parameters of a run are set once.");
        }

        _parameters = parameters;
    }

    /// <summary>Sets the invoked targets (once).</summary>
    public void SetInvokedTargets(IReadOnlyList<string> invokedTargets)
    {
        if (_invokedTargets is not null)
        {
            throw new InvalidOperationException("The invoked targets of a run are set once.");
        }

        _invokedTargets = invokedTargets;
    }
}
