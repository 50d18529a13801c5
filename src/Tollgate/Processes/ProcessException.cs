namespace Tollgate;

/// <summary>
/// A child process failed. The message shows the command line (secrets masked), the working directory, the exit code
/// and the last lines of standard error, and how to accept a non-zero exit code.
/// </summary>
public sealed class ProcessException : TollgateException
{
    /// <summary>Creates the exception; <paramref name="message"/> must already be masked.</summary>
    public ProcessException(string message, string commandLine, string workingDirectory, int? exitCode, IReadOnlyList<string> lastErrorLines)
        : base(message)
    {
        CommandLine = commandLine;
        WorkingDirectory = workingDirectory;
        ExitCode = exitCode;
        LastErrorLines = lastErrorLines;
    }

    /// <summary>Creates an exception with only a message.</summary>
    public ProcessException()
        : this("A process failed.", string.Empty, string.Empty, null, [])
    {
    }

    /// <summary>Creates an exception with only a message.</summary>
    public ProcessException(string message)
        : this(message, string.Empty, string.Empty, null, [])
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public ProcessException(string message, Exception? innerException)
        : base(message, innerException)
    {
        CommandLine = string.Empty;
        WorkingDirectory = string.Empty;
        LastErrorLines = [];
    }

    /// <summary>The masked command line.</summary>
    public string CommandLine { get; }

    /// <summary>The working directory.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The exit code, or null when the process timed out or could not start.</summary>
    public int? ExitCode { get; }

    /// <summary>The last lines of standard error (masked).</summary>
    public IReadOnlyList<string> LastErrorLines { get; }
}
