namespace Tollgate.Containers;

/// <summary>A push to or pull from a registry failed (the daemon reports these inside a 200 stream).</summary>
public sealed class RegistryException : ContainerException
{
    /// <summary>Creates an exception.</summary>
    public RegistryException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public RegistryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public RegistryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The daemon's or registry's error message.</summary>
    public string DaemonMessage { get; init; } = string.Empty;

    /// <summary>Whether the registry refused the credentials (or asked for some).</summary>
    public bool IsAuthenticationFailure { get; init; }
}
