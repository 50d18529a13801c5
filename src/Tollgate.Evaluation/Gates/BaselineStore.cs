using System.Text.Json;

namespace Tollgate.Evaluation;

/// <summary>Reads and writes <c>&lt;suite dir&gt;/&lt;suite&gt;.baseline.json</c>.</summary>
public sealed class BaselineStore(string path)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The baseline file path.</summary>
    public string Path { get; } = path;

    /// <summary>The store for a suite: next to its file, named after it.</summary>
    public static BaselineStore For(EvalSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return new BaselineStore(System.IO.Path.Combine(suite.Directory, suite.Name + ".baseline.json"));
    }

    /// <summary>The baseline, or <see langword="null"/> when there is none yet.</summary>
    public Baseline? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        if (StateFileLimits.TooLarge(Path, StateFileLimits.BaselineBytes, "a baseline") is { } tooLarge)
        {
            throw new TollgateException($"{Path}:1: {tooLarge}; check that the path names the baseline, or delete it and rewrite it with --update-baseline");
        }

        var text = File.ReadAllText(Path);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new TollgateException($"{Path}:1: the baseline is empty; delete it or rewrite it with --update-baseline");
        }

        Baseline? baseline;
        try
        {
            baseline = JsonSerializer.Deserialize<Baseline>(text);
        }
        catch (JsonException e)
        {
            throw new TollgateException($"{Path}:{(e.LineNumber ?? 0) + 1}: the baseline is not valid ({e.Message}); fix it or rewrite it with --update-baseline");
        }

        // The record's constructor takes whatever the file holds: a missing section would show up later as an empty diff
        // or a null reference, so it is named here.
        var missing = baseline is null ? "the baseline object" : baseline.Metrics is null ? "'Metrics'" : baseline.Cases is null ? "'Cases'" : null;
        return missing is null
            ? baseline
            : throw new TollgateException($"{Path}:1: {missing} is missing, expected {{\"Suite\", \"Created\", \"Metrics\": {{...}}, \"Cases\": {{...}}}}; rewrite it with --update-baseline");
    }

    /// <summary>Writes <paramref name="run"/> as the new baseline (cases sorted by id so diffs stay small) and returns it.</summary>
    public Baseline Save(EvalRunResult run, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var metrics = RunMetrics.Compute(run);
        var cases = new SortedDictionary<string, BaselineCase>(StringComparer.Ordinal);
        foreach (var result in run.Cases)
        {
            var first = result.Attempts.Count > 0 ? result.Attempts[0] : null;
            cases[result.Id] = new BaselineCase(result.Passed, Math.Round(result.Score, 4), first?.Output, Math.Round(result.LatencyMs, 1), result.Tokens, result.CostUsd,
                new SortedDictionary<string, double>(
                    result.Attempts.SelectMany(a => a.Assertions).Where(a => a.Score is not null)
                        .GroupBy(a => a.Metric).ToDictionary(g => g.Key, g => Math.Round(g.Average(a => a.Score!.Value), 4)), StringComparer.Ordinal));
        }

        var baseline = new Baseline(run.Suite, (time ?? TimeProvider.System).GetUtcNow(), metrics.Values, cases);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        File.WriteAllText(Path, JsonSerializer.Serialize(baseline, Options) + "\n");
        return baseline;
    }
}
