namespace Tollgate.Evaluation;

/// <summary>One test case of a suite: the variables sent to the system under test and what to expect back.</summary>
/// <param name="Id">A stable id (used by filters, the cache, baselines and reports).</param>
public sealed record EvalCase(string Id)
{
    /// <summary>Template variables, e.g. <c>question</c>.</summary>
    public IReadOnlyDictionary<string, string> Vars { get; init; } = new Dictionary<string, string>();

    /// <summary>The raw input when the case is not templated; defaults to the <c>question</c> or <c>input</c> variable.</summary>
    public string? Input { get; init; }

    /// <summary>The expected output, for equality, similarity and factuality checks.</summary>
    public string? Expected { get; init; }

    /// <summary>A reference answer for factuality and similarity checks.</summary>
    public string? Reference { get; init; }

    /// <summary>Context documents for faithfulness checks when the system does not return its own.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>Document ids a good retrieval returns, for recall@k, precision@k and MRR.</summary>
    public IReadOnlyList<string> ExpectedDocumentIds { get; init; } = [];

    /// <summary>Keywords a good answer (or retrieved text) contains.</summary>
    public IReadOnlyList<string> ExpectedKeywords { get; init; } = [];

    /// <summary>Tags for filtering and per-tag reporting.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Assertions of this case, run in addition to the suite's default assertions.</summary>
    public IReadOnlyList<AssertionSpec> Assertions { get; init; } = [];

    /// <summary>Where the case is defined.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The question put to the system: <see cref="Input"/>, else the <c>question</c>, <c>input</c> or <c>query</c> variable.</summary>
    public string Question => Input
        ?? (Vars.TryGetValue("question", out var q) ? q
        : Vars.TryGetValue("input", out var i) ? i
        : Vars.TryGetValue("query", out var y) ? y : string.Empty);
}
