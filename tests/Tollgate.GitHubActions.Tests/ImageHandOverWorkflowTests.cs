using Tollgate.GitHubActions.Harness;
using Tollgate.GitHubActions.Tests.TestSupport;

namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// The committed workflows hand the image over from the Build job to the Scan job as GitHub documents it for jobs on
/// different runners (an image archive through upload-artifact and download-artifact): the Build job's artifact takes
/// the archive the Build stage writes beside image.json, and every Scan job of a workflow that builds downloads it
/// where the image scanner looks, before it runs.
/// </summary>
public sealed class ImageHandOverWorkflowTests
{
    [Theory]
    [InlineData("main.yml")]
    [InlineData("release.yml")]
    [InlineData("pull-request.yml")]
    public void The_Build_job_uploads_the_image_archive_and_the_Scan_job_downloads_it_before_scanning(string file)
    {
        var workflow = WorkflowReader.Read(Path.Combine(Actionlint.RepositoryRoot, ".github", "workflows", file));
        using var root = new TempRoot();
        root.Write("artifacts/image/image.json", "{}");
        root.Write("artifacts/image/image.tar.gz", "archive");
        root.Write("artifacts/scan/scan.json", "{}");

        var build = workflow.Jobs.Single(j => j.Id == "Build");
        var upload = build.Steps.Single(s => s.Uses == "actions/upload-artifact@v4");
        upload.WithValue("name").Should().Be("Build");
        var patterns = upload.WithValue("path")!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        PathGlob.Match(root.Path, patterns).Select(p => p.Replace('\\', '/')).Should()
            .Contain(p => p.EndsWith("artifacts/image/image.tar.gz", StringComparison.Ordinal))
            .And.Contain(p => p.EndsWith("artifacts/image/image.json", StringComparison.Ordinal))
            .And.NotContain(p => p.Contains("artifacts/scan", StringComparison.Ordinal));

        var scan = workflow.Jobs.Single(j => j.Id == "Scan");
        scan.Needs.Should().Contain("Build");
        var download = scan.Steps.Single(s => s.Uses == "actions/download-artifact@v4" && s.WithValue("name") == "Build");
        download.WithValue("path").Should().Be("artifacts/image", "the scanner reads artifacts/image/image.json and the archive it names beside it");
        scan.Steps.IndexOf(download).Should().BeLessThan(scan.Steps.IndexOf(scan.Steps.Single(s => s.Run?.StartsWith("./build.sh Scan ", StringComparison.Ordinal) == true)));
    }
}
