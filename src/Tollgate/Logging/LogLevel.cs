namespace Tollgate;

/// <summary>How important a log line is; <c>--verbosity</c> hides the lower ones.</summary>
public enum LogLevel
{
    /// <summary>Details for diagnosing the build itself.</summary>
    Debug,

    /// <summary>Normal progress.</summary>
    Information,

    /// <summary>Something that may need attention.</summary>
    Warning,

    /// <summary>A failure.</summary>
    Error,
}
