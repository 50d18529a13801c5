namespace Tollgate.Evaluation.Prompts;

/// <summary>Where the parts of a prompt file are, so problems can be reported as file:line.</summary>
/// <param name="FieldLines">The 1-based line of each top-level key (<c>name</c>, <c>variables</c>, ...).</param>
/// <param name="VariableLines">The 1-based line of each declared variable.</param>
/// <param name="System">Where the system template's text starts, if known.</param>
/// <param name="User">Where the user template's text starts, if known.</param>
public sealed record PromptFileLocations(
    IReadOnlyDictionary<string, int> FieldLines,
    IReadOnlyDictionary<string, int> VariableLines,
    PromptTextOrigin? System,
    PromptTextOrigin? User)
{
    /// <summary>No location information (text built in memory).</summary>
    public static PromptFileLocations Unknown { get; } = new(
        new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal), null, null);

    /// <summary>The line of a top-level key, or null.</summary>
    public int? LineOf(string field) => FieldLines.TryGetValue(field, out var line) ? line : null;
}

/// <summary>
/// Where a template's text starts in the file. For a block scalar (<c>user: |</c>) template line <c>n</c> is file line
/// <c>Line + n - 1</c>, indented by <paramref name="Indent"/>; for an inline scalar the first template line starts at
/// <paramref name="Column"/>. Folded blocks (<c>&gt;</c>) join lines, so positions in them are approximate; prompt files
/// should use literal blocks (<c>|</c>), which keep the template's lines as they are.
/// </summary>
/// <param name="Line">The 1-based file line of the template's first line.</param>
/// <param name="Column">The 1-based file column of the template's first character (inline scalars).</param>
/// <param name="IsBlock">Whether the template is a literal or folded block scalar.</param>
/// <param name="Indent">The block's indentation in columns (block scalars).</param>
public sealed record PromptTextOrigin(int Line, int Column, bool IsBlock, int Indent)
{
    /// <summary>Maps a 1-based template line and column to a 1-based file line and column.</summary>
    public (int Line, int Column) ToFile(int templateLine, int templateColumn)
    {
        var line = Line + templateLine - 1;
        if (IsBlock)
        {
            return (line, Indent + templateColumn);
        }

        return templateLine == 1 ? (line, Column + templateColumn - 1) : (line, templateColumn);
    }
}
