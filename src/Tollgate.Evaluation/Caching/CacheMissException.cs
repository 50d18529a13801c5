namespace Tollgate.Evaluation;

/// <summary>A read-only cache has no (fresh) entry for a request.</summary>
public sealed class CacheMissException : TollgateException
{
    /// <summary>Creates an exception.</summary>
    public CacheMissException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public CacheMissException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public CacheMissException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
