namespace Tollgate;

/// <summary>How much the build prints (<c>--verbosity</c>).</summary>
public enum Verbosity
{
    /// <summary>Errors and the summary only.</summary>
    Quiet,

    /// <summary>Warnings, errors and target headers.</summary>
    Minimal,

    /// <summary>Everything but debug lines (default).</summary>
    Normal,

    /// <summary>Everything.</summary>
    Verbose,
}
