namespace Tollgate.Evaluation.Prompts;

/// <summary>A prompt could not be rendered or parsed; the message names the file, the line and the fix.</summary>
public sealed class PromptTemplateException : TollgateException
{
    /// <summary>Creates the exception.</summary>
    public PromptTemplateException()
    {
    }

    /// <summary>Creates the exception with a message naming the problem and the fix.</summary>
    public PromptTemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PromptTemplateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
