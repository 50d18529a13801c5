using Tollgate.GitHubActions.Tests.TestSupport;
using static Tollgate.GitHubActions.Tests.TestSupport.Specs;

namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// A target whose outputs go to two artifacts (an image record every later job reads, an image archive only the scan
/// loads): each consumer downloads the artifacts holding the paths it consumes, and an archive that is gzip already is
/// uploaded without being zipped again.
/// </summary>
public sealed class SeparateArtifactTests
{
    private static readonly SeparateArtifact Archive = new("image-archive", ["artifacts/image-archive/**"], ArtifactTraits.AlreadyCompressed | ArtifactTraits.MayBeAbsent);

    private static TargetSpec Build() => Target("Build").Producing("artifacts/image/image.json", "artifacts/image-archive/**").Annotated(Archive);

    private static string Generate(params TargetSpec[] targets) =>
        WorkflowGenerator.Generate(Graph(targets), SampleParameters.Descriptors, new GitHubWorkflow("main", [.. targets.Select(t => t.Name)]).OnPushToBranches("main"));

    // A job runs from its key to the next line indented by exactly two spaces (the next job's key).
    private static string Job(string yaml, string id)
    {
        var start = yaml.IndexOf($"\n  {id}:\n", StringComparison.Ordinal) + 1;
        start.Should().BePositive($"the workflow has a job {id}");
        var next = System.Text.RegularExpressions.Regex.Match(yaml[(start + 1)..], "\n  [^ ]");
        return next.Success ? yaml.Substring(start, next.Index + 1) : yaml[start..];
    }

    [Fact]
    public void The_producer_uploads_each_artifact_and_the_archive_without_compressing_it_again()
    {
        var build = Job(Generate(Build()), "Build");

        build.Should().Contain(
            "      - name: Upload Build artifact\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@v4\n        with:\n" +
            "          name: Build\n          path: artifacts/image/image.json\n" +
            "      - name: Upload image-archive artifact\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@v4\n        with:\n" +
            "          name: image-archive\n          path: artifacts/image-archive/**\n          if-no-files-found: ignore\n          compression-level: 0");
    }

    [Fact]
    public void A_consumer_of_the_record_does_not_download_the_archive_and_one_of_both_downloads_both()
    {
        var yaml = Generate(
            Build(),
            Target("Scan", "Build").ConsumingPaths("Build", "artifacts/image/image.json", "artifacts/image-archive/**"),
            Target("Deploy", "Build").ConsumingPaths("Build", "artifacts/image/**"));

        var deploy = Job(yaml, "Deploy");
        deploy.Should().Contain("      - name: Download Build artifact\n        uses: actions/download-artifact@v4\n        with:\n          name: Build\n          path: artifacts/image\n");
        deploy.Should().NotContain("image-archive");
        Job(yaml, "Scan").Should().Contain(
            "      - name: Download Build artifact\n        uses: actions/download-artifact@v4\n        with:\n          name: Build\n          path: artifacts/image\n" +
            "      - name: Download image-archive artifact\n        uses: actions/download-artifact@v4\n        with:\n" +
            "          pattern: image-archive\n          merge-multiple: true\n          path: artifacts/image-archive\n" +
            "      - name: Run Scan\n");
    }

    [Fact]
    public void A_consumption_without_paths_downloads_every_artifact_of_the_producer()
    {
        var scan = Job(Generate(Build(), Target("Scan", "Build").Consuming("Build")), "Scan");

        scan.Should().Contain("name: Download Build artifact").And.Contain("name: Download image-archive artifact");
    }

    [Fact]
    public void An_artifact_that_is_always_written_is_downloaded_by_name_and_uploaded_with_the_default_checks()
    {
        var reports = new SeparateArtifact("reports", ["artifacts/reports/**"], ArtifactTraits.None);
        var yaml = Generate(
            Target("Test").Producing("artifacts/results/**", "artifacts/reports/**").Annotated(reports),
            Target("Publish", "Test").ConsumingPaths("Test", "artifacts/reports/index.html"));

        Job(yaml, "Test").Should().Contain("          name: reports\n          path: artifacts/reports/**").And.NotContain("compression-level").And.NotContain("if-no-files-found");
        Job(yaml, "Publish").Should().Contain("          name: reports\n          path: artifacts/reports\n").And.NotContain("name: Test\n");
    }

    [Fact]
    public void A_consumed_path_that_no_artifact_holds_fails_generation_naming_what_the_producer_produces()
    {
        var generate = () => Generate(Build(), Target("Deploy", "Build").ConsumingPaths("Build", "artifacts/images/image.json"));

        generate.Should().Throw<TollgateException>().WithMessage(
            "Target 'Deploy' consumes 'artifacts/images/image.json' of 'Build', which produces no such files (it produces artifacts/image/image.json, artifacts/image-archive/**)*");
    }

    [Fact]
    public void Two_artifacts_of_one_name_fail_generation()
    {
        var clash = new SeparateArtifact("Lint", ["artifacts/image-archive/**"], ArtifactTraits.None);
        var generate = () => Generate(Target("Lint").Producing("artifacts/lint/**"), Target("Build").Producing("artifacts/image/image.json", "artifacts/image-archive/**").Annotated(clash));

        generate.Should().Throw<TollgateException>().WithMessage("*the artifact name 'Lint' is uploaded by Lint and Build*");
    }

    [Fact]
    public void A_job_that_skips_the_producer_and_consumes_only_the_record_passes_the_hand_over_check()
    {
        var yaml = Generate(Build(), Target("Deploy", "Build").ConsumingPaths("Build", "artifacts/image/image.json"));

        Job(yaml, "Deploy").Should().Contain("run: ./build.sh Deploy --skip");
    }

    [ActionlintFact]
    public async Task The_generated_artifact_steps_pass_actionlint()
    {
        var yaml = Generate(
            Build(),
            Target("Scan", "Build").ConsumingPaths("Build", "artifacts/image/image.json", "artifacts/image-archive/**"),
            Target("Deploy", "Build").ConsumingPaths("Build", "artifacts/image/image.json"));

        var (exitCode, output) = await Actionlint.LintAsync(new Dictionary<string, string> { [".github/workflows/main.yml"] = yaml });

        exitCode.Should().Be(0, output);
    }
}
