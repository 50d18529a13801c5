namespace Tollgate.Containers;

/// <summary>No container engine answered; the message lists every endpoint tried and how to start Docker or podman.</summary>
public sealed class EngineNotFoundException : ContainerException
{
    /// <summary>Creates an exception.</summary>
    public EngineNotFoundException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public EngineNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public EngineNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was tried, one line per endpoint (endpoint, where it came from, why it failed).</summary>
    public IReadOnlyList<string> Attempts { get; init; } = [];
}
