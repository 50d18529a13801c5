using Tollgate.GitHubActions.Harness;
using Tollgate.GitHubActions.Tests.TestSupport;

namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// The committed workflows hand the image over from the Build job to the Scan job as GitHub documents it for jobs on
/// different runners (an image archive through upload-artifact and download-artifact): the archive is an artifact of
/// its own (image-archive, uploaded without zipping the gzip again), apart from the image record (Build); every Scan job
/// of a workflow that builds downloads both where the image scanner looks, before it runs, and the deploy jobs, which
/// pull by digest, download only the record.
/// </summary>
public sealed class ImageHandOverWorkflowTests
{
    [Theory]
    [InlineData("main.yml")]
    [InlineData("release.yml")]
    [InlineData("pull-request.yml")]
    public void The_Build_job_uploads_the_record_and_the_archive_as_two_artifacts_and_the_Scan_job_downloads_both_before_scanning(string file)
    {
        var workflow = Read(file);
        using var root = new TempRoot();
        root.Write("artifacts/image/image.json", "{}");
        root.Write("artifacts/image-archive/image.tar.gz", "archive");
        root.Write("artifacts/scan/scan.json", "{}");

        var build = workflow.Jobs.Single(j => j.Id == "Build");
        Matched(root, Upload(build, "Build")).Should().Equal("artifacts/image/image.json");
        Matched(root, Upload(build, "image-archive")).Should().Equal("artifacts/image-archive/image.tar.gz");

        var scan = workflow.Jobs.Single(j => j.Id == "Scan");
        scan.Needs.Should().Contain("Build");
        var run = scan.Steps.IndexOf(scan.Steps.Single(s => s.Run?.StartsWith("./build.sh Scan ", StringComparison.Ordinal) == true));
        var record = scan.Steps.Single(s => s.Uses == "actions/download-artifact@v4" && s.WithValue("name") == "Build");
        record.WithValue("path").Should().Be("artifacts/image", "the scanner reads artifacts/image/image.json");
        var archive = scan.Steps.Single(s => s.Uses == "actions/download-artifact@v4" && s.WithValue("pattern") == "image-archive");
        archive.WithValue("path").Should().Be("artifacts/image-archive", "image.json names ../image-archive/image.tar.gz");
        archive.WithValue("merge-multiple").Should().Be("true", "without it a pattern download adds a folder named after the artifact");
        scan.Steps.IndexOf(record).Should().BeLessThan(run);
        scan.Steps.IndexOf(archive).Should().BeLessThan(run);
    }

    [Theory]
    [InlineData("main.yml")]
    [InlineData("release.yml")]
    [InlineData("pull-request.yml")]
    public void The_archive_is_uploaded_without_compressing_it_again_and_only_when_Build_wrote_it(string file)
    {
        var upload = Upload(Read(file).Jobs.Single(j => j.Id == "Build"), "image-archive");

        upload.WithValue("compression-level").Should().Be("0", "the archive is gzip already; zipping it again costs upload time and saves nothing");
        upload.WithValue("if-no-files-found").Should().Be("ignore", "Build writes no archive when a registry the next job can reach holds the image");
        Upload(Read(file).Jobs.Single(j => j.Id == "Build"), "Build").WithValue("compression-level").Should().BeNull("the record is JSON and compresses");
    }

    [Theory]
    [InlineData("main.yml", "DeployStaging")]
    [InlineData("release.yml", "BlueGreenProd")]
    public void The_deploy_job_downloads_the_image_record_but_not_the_archive(string file, string job)
    {
        var deploy = Read(file).Jobs.Single(j => j.Id == job);
        var downloads = deploy.Steps.Where(s => s.Uses?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true).ToList();

        downloads.Select(s => s.WithValue("name") ?? s.WithValue("pattern")).Should().Equal(["Build"], "it pulls the image by the digest in image.json");
        downloads.Single().WithValue("path").Should().Be("artifacts/image");
    }

    private static WorkflowModel Read(string file) => WorkflowReader.Read(Path.Combine(Actionlint.RepositoryRoot, ".github", "workflows", file));

    private static StepModel Upload(JobModel job, string artifact) =>
        job.Steps.Single(s => s.Uses == "actions/upload-artifact@v4" && s.WithValue("name") == artifact);

    private static IEnumerable<string> Matched(TempRoot root, StepModel upload) =>
        PathGlob.Match(root.Path, upload.WithValue("path")!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(p => p.Replace('\\', '/'));
}
