namespace Tollgate.Evaluation;

/// <summary>A place in a suite or cases file, for error messages: <c>evals/suite.yaml:12:5</c>.</summary>
/// <param name="File">The file path as given to the loader.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
