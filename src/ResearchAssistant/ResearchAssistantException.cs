namespace ResearchAssistant;

/// <summary>
/// A configuration or data error of the service. The message names the file, setting or field at fault and the fix.
/// </summary>
public sealed class ResearchAssistantException : Exception
{
    public ResearchAssistantException()
    {
    }

    public ResearchAssistantException(string message)
        : base(message)
    {
    }

    public ResearchAssistantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
