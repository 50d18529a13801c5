namespace Tollgate;

/// <summary>The stream a child process wrote a line to.</summary>
public enum ProcessOutputSource
{
    /// <summary>Standard output.</summary>
    StandardOutput,

    /// <summary>Standard error (many tools write progress here; it is not an error by itself).</summary>
    StandardError,
}

/// <summary>One line a child process wrote, as given to the handlers of <see cref="CommandSpec.OutputHandlers"/>.</summary>
/// <param name="Text">
/// The line without its terminator (lines end at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, so progress bars that redraw
/// with <c>\r</c> arrive as lines). Unmasked, like captured output, so it can be parsed; anything shown from it must go
/// through the build's log or masker.
/// </param>
/// <param name="Source">Which stream the line came from.</param>
public sealed record ProcessOutputLine(string Text, ProcessOutputSource Source)
{
    /// <summary>Whether the line came from standard error.</summary>
    public bool IsError => Source == ProcessOutputSource.StandardError;
}
