namespace Tollgate.Evaluation;

/// <summary>A loaded evaluation suite: the system under test, its cases, default assertions and gates.</summary>
/// <param name="Name">The suite name (the file name without extension unless given); names the baseline file.</param>
/// <param name="Provider">The system under test.</param>
/// <param name="Cases">The test cases.</param>
public sealed record EvalSuite(string Name, ProviderSpec Provider, IReadOnlyList<EvalCase> Cases)
{
    /// <summary>The suite file, when loaded from one.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The judge model for model-graded assertions; none means those checks report "not run".</summary>
    public ProviderSpec? Judge { get; init; }

    /// <summary>The embedding model for <c>embedding-similarity</c> (uses the judge's connection).</summary>
    public string? EmbeddingModel { get; init; }

    /// <summary>Assertions run on every case.</summary>
    public IReadOnlyList<AssertionSpec> DefaultAssertions { get; init; } = [];

    /// <summary>Suite gates.</summary>
    public IReadOnlyList<GateSpec> Gates { get; init; } = [];

    /// <summary>Per-model prices (USD per million tokens) that override the built-in table.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Prices { get; init; } = new Dictionary<string, ModelPrice>();

    /// <summary>The default concurrency.</summary>
    public int? Concurrency { get; init; }

    /// <summary>The directory of the suite file (for baselines and relative paths).</summary>
    public string Directory => SourcePath is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(SourcePath))!;
}
