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

    [Theory]
    [InlineData("artifacts/image/**", "artifacts/image/image.json", true)]
    [InlineData("artifacts/image/image.json", "./artifacts/image/**", true)]
    [InlineData("artifacts/**", "artifacts/image-archive/image.tar.gz", true)]
    [InlineData("artifacts/image/**", "artifacts/image-archive/**", false)]
    [InlineData("artifacts/image/image.json", "artifacts/image/image.tar.gz", false)]
    [InlineData("!artifacts/image/**", "artifacts/image/image.json", false)]
    public void Two_patterns_overlap_when_one_literal_prefix_lies_within_the_other(string left, string right, bool expected)
    {
        ArtifactPaths.Overlap(left, right).Should().Be(expected);
        ArtifactPaths.Overlap(right, left).Should().Be(expected);
    }
}
