using Tollgate.GitHubActions.Tests.TestSupport;
using static Tollgate.GitHubActions.Tests.TestSupport.Specs;

namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// ConsumesIfPresent: a scan that uses the image record when the workflow builds the image, and runs without it in a
/// workflow that has no Build job (the weekly scan).
/// </summary>
public sealed class OptionalConsumptionTests
{
    private static TargetGraph ScanGraph() => Graph(
        Target("Build").Producing("artifacts/image/**").Annotated(new HandsOverNothing()),
        Target("Scan") with { After = ["Build"] },
        Target("Deploy").ConsumingIfPresent("Build", "artifacts/image/**"));

    private static TargetGraph Scanning() => Graph(
        Target("Build").Producing("artifacts/image/**"),
        (Target("Scan") with { After = ["Build"] }).Producing("artifacts/scan/**").ConsumingIfPresent("Build", "artifacts/image/**"));

    [Fact]
    public void The_producers_artifact_is_downloaded_when_the_workflow_runs_the_producer()
    {
        var yaml = WorkflowGenerator.Generate(Scanning(), SampleParameters.Descriptors, new GitHubWorkflow("release", "Build", "Scan").OnPushToTags("v*"));

        var scanJob = yaml[yaml.IndexOf("  Scan:\n", StringComparison.Ordinal)..];
        scanJob.Should().StartWith("  Scan:\n    needs: [Build]\n");
        scanJob.Should().Contain("      - name: Download Build artifact\n        uses: actions/download-artifact@v4\n        with:\n          name: Build\n          path: artifacts/image\n      - name: Run Scan\n");
    }

    [Fact]
    public void A_workflow_without_the_producer_is_valid_and_neither_runs_it_nor_downloads_its_artifact()
    {
        var yaml = WorkflowGenerator.Generate(Scanning(), SampleParameters.Descriptors, new GitHubWorkflow("weekly-scan", "Scan").OnSchedule("0 5 * * 1"));

        yaml.Should().Contain("  Scan:\n    runs-on: ubuntu-latest\n").And.Contain("run: ./build.sh Scan --skip");
        yaml.Should().NotContain("Build", "the weekly scan neither builds the image nor downloads it");
    }

    [Fact]
    public void A_plain_consumption_of_a_producer_the_workflow_does_not_run_is_still_an_error()
    {
        var graph = Graph(Target("Build").Producing("artifacts/image/**"), Target("Scan").Consuming("Build"));

        var generate = () => WorkflowGenerator.Generate(graph, SampleParameters.Descriptors, new GitHubWorkflow("weekly-scan", "Scan").OnSchedule("0 5 * * 1"));

        generate.Should().Throw<TollgateException>().WithMessage("*target 'Scan' consumes the artifacts of 'Build', which this workflow does not run*");
    }

    [Fact]
    public void An_optional_consumption_of_a_producer_in_the_workflow_adds_the_needs_edge_even_without_After()
    {
        var yaml = WorkflowGenerator.Generate(ScanGraph(), SampleParameters.Descriptors, new GitHubWorkflow("release", "Build", "Deploy").OnPushToTags("v*"));

        yaml.Should().Contain("  Deploy:\n    needs: [Build]\n").And.Contain("Download Build artifact");
    }
}
