namespace Tollgate.Deployment;

/// <summary>A deployment failed, could not start, or was rolled back; the message says what, where and how to fix it.</summary>
public class DeploymentException : TollgateException
{
    /// <summary>Creates the exception.</summary>
    public DeploymentException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeploymentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DeploymentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
