using System.Security.Cryptography;
using System.Text;

namespace Tollgate.Evaluation;

/// <summary>
/// What makes two runs the same run for resuming: the suite's files (suite and cases), its provider and judge settings
/// (no keys: only variable names), the run options that change results, and what the caller adds (the service's model
/// and inputs fingerprint). A run resumes only an interrupted run with the same identity.
/// </summary>
internal static class RunIdentity
{
    public static string Of(EvalSuite suite, EvalRunOptions options)
    {
        var text = new StringBuilder();
        foreach (var file in SuiteFiles(suite))
        {
            text.Append(file).Append('\n').Append(File.Exists(file) ? File.ReadAllText(file) : "(missing)").Append('\n');
        }

        text.Append(System.Text.Json.JsonSerializer.Serialize(new
        {
            suite.Name,
            Provider = suite.Provider with { Location = null },
            Judge = suite.Judge is null ? null : suite.Judge with { Location = null },
            suite.EmbeddingModel,
            Cases = suite.Cases.Select(c => c.Id),
            options.Repeat,
            options.MinPass,
            options.Sample,
            options.Seed,
            options.Ids,
            options.Tags,
            options.Model,
            options.JudgeModel,
            Cache = options.Cache?.Mode,
            HttpCache = options.HttpResponseCacheFingerprint,
            options.IdentityExtra,
        }));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static SortedSet<string> SuiteFiles(EvalSuite suite)
    {
        if (suite.SourcePath is null)
        {
            return [];
        }

        var files = new SortedSet<string>(StringComparer.Ordinal) { Path.GetFullPath(suite.SourcePath) };
        foreach (var location in suite.Cases.Select(c => c.Location?.File).Where(f => f is not null))
        {
            files.Add(Path.GetFullPath(location!));
        }

        return files;
    }
}
