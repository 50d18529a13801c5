using Tollgate.GitHubActions.ConsumerBuild;
using Tollgate.GitHubActions.Tests.TestSupport;
using YamlDotNet.RepresentationModel;
using static Tollgate.GitHubActions.Tests.TestSupport.Specs;

namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// The static check: a job that skips a dependency whose files never reach it fails generation, naming both targets and
/// the fixes; each fix makes it pass. Runs the consumer's real build class through the engine.
/// </summary>
public sealed class HandOverTests
{
    [Fact]
    public async Task A_consumer_chain_without_a_hand_over_fails_generation_naming_both_targets_and_the_fixes()
    {
        using var root = new TempRoot();

        var (exitCode, output) = await ConsumerRepository.RunBuildAsync(new UndeclaredBuild(), root.Path, "GenerateWorkflows");

        exitCode.Should().Be(1, output);
        output.Should().Contain("Workflow 'ci': job 'UnitTest' runs UnitTest, which depends on Compile, but Compile runs in job 'Compile' and is skipped here (./build.sh UnitTest --skip)")
            .And.Contain("add .Produces(\"<the files UnitTest reads>\") to Compile and .Consumes(Compile) to UnitTest")
            .And.Contain("add .SharesJobWith(nameof(Compile)) to UnitTest")
            .And.Contain("job 'Publish' runs Publish, which depends on UnitTest, but UnitTest runs in job 'UnitTest'")
            .And.Contain("add .Consumes(UnitTest) to Publish (it downloads artifacts/test-results/**)")
            .And.Contain("add .HandsOverNothing() to UnitTest");
        File.Exists(root.Path / ".github/workflows/ci.yml").Should().BeFalse("nothing is written when a job could not work");
    }

    [Fact]
    public async Task Declaring_the_artifact_passes_and_every_job_downloads_what_it_skips()
    {
        var jobs = await GenerateAsync(new ArtifactBuild());

        jobs.Keys.Should().Equal("Compile", "UnitTest", "Publish", "Deploy");
        Steps(jobs["Compile"]).Should().Contain(["Run Compile", "Upload Compile artifact"]);
        Steps(jobs["UnitTest"]).Should().ContainInOrder("Download Compile artifact", "Run UnitTest");
        Steps(jobs["Publish"]).Should().ContainInOrder("Download Compile artifact", "Run Publish");
        Steps(jobs["Deploy"]).Should().ContainInOrder("Download Publish artifact", "Run Deploy");
    }

    [Fact]
    public async Task Declaring_a_shared_job_passes_and_runs_the_chain_on_one_runner()
    {
        var jobs = await GenerateAsync(new SharedJobBuild());

        jobs.Keys.Should().Equal("Compile", "Deploy");
        Steps(jobs["Compile"]).Should().Contain("Run Compile, UnitTest, Publish");
    }

    [Fact]
    public async Task A_folded_compile_runs_again_in_each_job_that_needs_it_and_gets_no_job_of_its_own()
    {
        var jobs = await GenerateAsync(new FoldedBuild());

        jobs.Keys.Should().Equal("UnitTest", "Publish", "Deploy");
        Steps(jobs["UnitTest"]).Should().Contain("Run Compile, UnitTest");
        Steps(jobs["Publish"]).Should().Contain("Run Compile, Publish");
    }

    [Fact]
    public void A_target_needed_by_one_job_only_folds_into_it_by_default_and_saves_a_runner()
    {
        var graph = Graph(Target("Restore"), Target("Compile", "Restore"), Target("Pack", "Compile").Producing("artifacts/packages/*.nupkg"));

        var yaml = WorkflowGenerator.Generate(graph, SampleParameters.Descriptors, new GitHubWorkflow("release", "Pack").OnPushToTags("v*"));

        yaml.Should().Contain("run: ./build.sh Restore Compile Pack --skip").And.NotContain("  Compile:\n").And.NotContain("  Restore:\n");
    }

    [Fact]
    public void A_target_needed_by_two_jobs_is_not_folded_by_default_so_the_check_asks_for_a_declaration()
    {
        var graph = Graph(Target("Compile"), Target("Test", "Compile"), Target("Pack", "Compile"));

        var generate = () => WorkflowGenerator.Generate(graph, SampleParameters.Descriptors, new GitHubWorkflow("ci", "Test", "Pack").OnPullRequest());

        generate.Should().Throw<TollgateException>().Which.Message.Should()
            .Contain("job 'Test' runs Test, which depends on Compile").And.Contain("job 'Pack' runs Pack, which depends on Compile")
            .And.Contain(".FoldsIntoDependentJobs() to Compile");
    }

    [Fact]
    public void A_collective_dependency_is_looked_through_to_the_targets_it_stands_for()
    {
        var graph = Graph(
            Target("Compile").Annotated(new FoldedIntoDependentJobs()),
            new TargetSpec { Name = "Checks", DependsOn = ["Compile"] },
            Target("Test", "Checks"),
            Target("Pack", "Checks"));

        var yaml = WorkflowGenerator.Generate(graph, SampleParameters.Descriptors, new GitHubWorkflow("ci", "Test", "Pack").OnPullRequest());

        yaml.Should().Contain("run: ./build.sh Compile Test --skip").And.Contain("run: ./build.sh Compile Pack --skip");
    }

    public static TheoryData<string, TargetGraph> Contradictions { get; } = new()
    {
        {
            "Target 'Compile' both FoldsIntoDependentJobs() and Produces artifacts (bin/**)",
            Graph(Target("Compile").Producing("bin/**").Annotated(new FoldedIntoDependentJobs()), Target("Test", "Compile"))
        },
        {
            "Target 'Test' shares the job of 'Compile', which FoldsIntoDependentJobs() and so has no job of its own.",
            Graph(Target("Compile").Annotated(new FoldedIntoDependentJobs()), Target("Test", "Compile").Annotated(new SharedJob("Compile")))
        },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void Contradicting_declarations_fail_with_the_fix(string expected, TargetGraph graph) =>
        graph.Invoking(g => WorkflowGenerator.Generate(g, SampleParameters.Descriptors, new GitHubWorkflow("ci", "Test").OnPullRequest()))
            .Should().Throw<TollgateException>().Which.Message.Should().Contain(expected);

    private static async Task<Dictionary<string, YamlMappingNode>> GenerateAsync(TollgateBuild build)
    {
        using var root = new TempRoot();
        var (exitCode, output) = await ConsumerRepository.RunBuildAsync(build, root.Path, "GenerateWorkflows");
        exitCode.Should().Be(0, output);
        var stream = new YamlStream();
        stream.Load(new StringReader(root.Read(".github/workflows/ci.yml")));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
        return jobs.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (YamlMappingNode)c.Value);
    }

    private static List<string> Steps(YamlMappingNode job) =>
        [.. ((YamlSequenceNode)job["steps"]).Children.Select(s => ((YamlScalarNode)((YamlMappingNode)s)["name"]).Value!)];
}
