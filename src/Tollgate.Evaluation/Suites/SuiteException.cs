namespace Tollgate.Evaluation;

/// <summary>
/// A suite file is invalid. Raised by <see cref="SuiteLoader"/> before any model call; the message names the file,
/// line, field and, where there is one, the nearest valid name.
/// </summary>
public sealed class SuiteException : TollgateException
{
    /// <summary>Creates an exception for a problem at <paramref name="location"/> in <paramref name="field"/>.</summary>
    public SuiteException(SourceLocation? location, string field, string message)
        : base($"{(location is null ? string.Empty : location + ": ")}{field}: {message}")
    {
        Location = location;
        Field = field;
    }

    /// <summary>Creates an exception.</summary>
    public SuiteException()
        : base("The evaluation suite is invalid.")
    {
        Field = string.Empty;
    }

    /// <summary>Creates an exception with a message.</summary>
    public SuiteException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public SuiteException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Where the problem is, when known.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The field at fault, e.g. <c>tests[3].assert[0].type</c>.</summary>
    public string Field { get; }
}
