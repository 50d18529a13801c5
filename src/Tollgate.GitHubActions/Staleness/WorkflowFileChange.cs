namespace Tollgate.GitHubActions;

/// <summary>A workflow file whose committed text differs from what the build generates.</summary>
/// <param name="RelativePath">The path from the root, e.g. <c>.github/workflows/ci.yml</c>.</param>
/// <param name="Committed">The text on disk; null when the file is missing.</param>
/// <param name="Generated">The generated text; null for a generated file no workflow declares any more.</param>
public sealed record WorkflowFileChange(string RelativePath, string? Committed, string? Generated)
{
    /// <summary>What kind of change it is, for log lines.</summary>
    public string Kind => (Committed, Generated) switch
    {
        (null, _) => "missing",
        (_, null) => "no longer declared",
        _ => "out of date",
    };

    /// <summary>The unified diff from the committed file to the generated one.</summary>
    public string Diff => UnifiedDiff.Create(Committed, Generated, RelativePath);

    /// <summary>The first line of the committed file that differs (1 when it is missing), for annotations.</summary>
    public int FirstChangedLine => UnifiedDiff.FirstChangedLine(Committed, Generated);
}
