namespace Tollgate.Containers;

/// <summary>An error from the container engine or a registry, with a message that names what failed and the fix.</summary>
public class ContainerException : TollgateException
{
    /// <summary>Creates an exception.</summary>
    public ContainerException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ContainerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public ContainerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
