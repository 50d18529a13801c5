namespace Tollgate.Evaluation;

/// <summary>The judge's reply stayed malformed after one repair request.</summary>
public sealed class JudgeFormatException : TollgateException
{
    /// <summary>Creates an exception.</summary>
    public JudgeFormatException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public JudgeFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public JudgeFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
