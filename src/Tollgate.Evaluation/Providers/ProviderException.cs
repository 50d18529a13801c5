namespace Tollgate.Evaluation;

/// <summary>The system under test or a judge failed to answer (after retries); the case's checks report "not run".</summary>
public sealed class ProviderException : TollgateException
{
    /// <summary>Creates an exception.</summary>
    public ProviderException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public ProviderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
