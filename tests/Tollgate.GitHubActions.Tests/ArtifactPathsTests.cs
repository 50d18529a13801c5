namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// Downloads must unpack where upload-artifact took the files from: its root is the literal prefix of one pattern (a
/// single literal file's directory), or the common ancestor of several patterns' prefixes.
/// </summary>
public sealed class ArtifactPathsTests
{
    public static TheoryData<string[], string> Cases { get; } = new()
    {
        { ["artifacts/bin/**"], "artifacts/bin" },
        { ["artifacts/test-results/*.trx"], "artifacts/test-results" },
        { ["artifacts/sarif/trivy.sarif"], "artifacts/sarif" },
        { ["artifacts/coverage/"], "artifacts/coverage" },
        { ["artifacts/packages"], "artifacts/packages" },
        { ["./artifacts/report.html"], "artifacts" },
        { ["artifacts/llm-eval/report.json", "artifacts/llm-eval/results.jsonl"], "artifacts/llm-eval" },
        { ["artifacts/a/**", "artifacts/b/x.json", "!artifacts/a/tmp/**"], "artifacts" },
        { ["out/a.txt", "logs/b.txt"], "." },
        { ["*.log"], "." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_consumer_downloads_to_the_root_the_producer_uploaded_from(string[] produces, string expected) =>
        ArtifactPaths.DownloadPath(produces).Should().Be(expected);
}
