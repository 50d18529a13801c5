namespace Tollgate.Security;

/// <summary>
/// Bad input to a scan (an ignore entry without a reason, an unreadable advisory source, an unknown severity). The
/// message names the file, line or field, what was expected and the fix.
/// </summary>
public sealed class ScanException : TollgateException
{
    /// <summary>Creates the exception.</summary>
    public ScanException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScanException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ScanException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
