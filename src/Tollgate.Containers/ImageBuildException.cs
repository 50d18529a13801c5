namespace Tollgate.Containers;

/// <summary>
/// The daemon reported an error while building an image. <see cref="DaemonMessage"/> is the daemon's own text and
/// <see cref="Instruction"/> the Dockerfile step that failed (e.g. <c>Step 3/7 : RUN ["dotnet", "restore"]</c>).
/// </summary>
public sealed class ImageBuildException : ContainerException
{
    /// <summary>Creates an exception.</summary>
    public ImageBuildException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ImageBuildException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public ImageBuildException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The daemon's error message.</summary>
    public string DaemonMessage { get; init; } = string.Empty;

    /// <summary>The instruction that failed, as the daemon printed its step, or null when it failed before a step.</summary>
    public string? Instruction { get; init; }

    /// <summary>The last output lines of the build before the error.</summary>
    public IReadOnlyList<string> OutputTail { get; init; } = [];
}
