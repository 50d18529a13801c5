namespace Tollgate;

/// <summary>
/// The base of every error Tollgate raises on purpose. Messages say what was wrong, where (file, line, field, target or
/// command) and how to fix it; the CLI prints them without a stack trace and exits with 1.
/// </summary>
public class TollgateException : Exception
{
    /// <summary>Creates an exception.</summary>
    public TollgateException()
    {
    }

    /// <summary>Creates an exception with a message that names the problem and its fix.</summary>
    public TollgateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public TollgateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
