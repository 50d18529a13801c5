namespace Tollgate;

/// <summary>A tool was not found on PATH nor in .nuke/temp/tools.</summary>
public sealed class ToolNotFoundException : TollgateException
{
    /// <summary>Creates the exception.</summary>
    public ToolNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message naming the tool, where it was looked for and how to install it.</summary>
    public ToolNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ToolNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
