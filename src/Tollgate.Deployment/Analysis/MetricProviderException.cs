namespace Tollgate.Deployment.Analysis;

/// <summary>A measurement could not be taken: the source was unreachable, answered an error, or answered something unreadable.</summary>
public sealed class MetricProviderException : TollgateException
{
    /// <summary>Creates an exception.</summary>
    public MetricProviderException()
    {
    }

    /// <summary>Creates an exception with a message naming the source and what was wrong.</summary>
    public MetricProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public MetricProviderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
