using static Tollgate.GitHubActions.Tests.TestSupport.Specs;

namespace Tollgate.GitHubActions.Tests;

/// <summary>
/// The hand-over check follows the whole dependency chain: a dependency that hands over nothing is looked through to
/// what it depends on, an artifact a job consumes stands for everything behind it, and each fix makes generation pass.
/// </summary>
public sealed class TransitiveHandOverTests
{
    private static readonly GitHubWorkflow Ci = new GitHubWorkflow("ci", "UnitTest", "Publish").OnPushToBranches("main");

    [Fact]
    public void A_job_that_skips_a_dependency_two_levels_down_fails_naming_both_targets_the_chain_and_the_fixes()
    {
        var graph = Graph(
            Target("Compile"),
            Target("UnitTest", "Compile").Annotated(new HandsOverNothing()),
            Target("Publish", "UnitTest").Producing("artifacts/publish/**"));

        var generate = () => Generate(graph, Ci);

        generate.Should().Throw<TollgateException>().Which.Message.Should()
            .Contain("job 'Publish' runs Publish, which depends on Compile through UnitTest (Publish -> UnitTest -> Compile; UnitTest hands over nothing), " +
                "but Compile runs in job 'UnitTest' and is skipped here (./build.sh Publish --skip)")
            .And.Contain("add .Produces(\"<the files Publish reads>\") to Compile and .Consumes(Compile) to Publish")
            .And.Contain("add .SharesJobWith(nameof(Compile)) to Publish")
            .And.Contain("or .DependsOn(Compile) to Publish and .FoldsIntoDependentJobs() to Compile")
            .And.Contain("If Publish needs only that Compile succeeded")
            .And.NotContain("job 'UnitTest' runs", "Compile folds into UnitTest's job by default");
    }

    [Fact]
    public void The_chain_is_followed_through_every_target_that_hands_over_nothing()
    {
        var graph = Graph(
            Target("Compile"),
            Target("Lint", "Compile").Annotated(new HandsOverNothing(), new SharedJob("Compile")),
            Target("UnitTest", "Lint").Annotated(new HandsOverNothing()),
            Target("Publish", "UnitTest"));

        var generate = () => Generate(graph, Ci);

        generate.Should().Throw<TollgateException>().Which.Message.Should()
            .Contain("job 'UnitTest' runs UnitTest, which depends on Compile through Lint (UnitTest -> Lint -> Compile; Lint hands over nothing)")
            .And.Contain("job 'Publish' runs Publish, which depends on Compile through UnitTest, Lint (Publish -> UnitTest -> Lint -> Compile; UnitTest, Lint hand over nothing)");
    }

    [Fact]
    public void An_already_folded_dependency_down_the_chain_asks_only_for_the_direct_dependency()
    {
        var graph = Graph(
            Target("Compile").Annotated(new FoldedIntoDependentJobs()),
            Target("UnitTest", "Compile").Annotated(new HandsOverNothing()),
            Target("Publish", "UnitTest"));

        var generate = () => Generate(graph, Ci);

        generate.Should().Throw<TollgateException>().Which.Message.Should()
            .Contain("or .DependsOn(Compile) to Publish: Compile FoldsIntoDependentJobs(), which runs it in the jobs of the targets that depend on it directly");
    }

    public static TheoryData<string, TargetGraph, string> Fixes { get; } = new()
    {
        {
            "a direct dependency on the folded compile",
            Graph(
                Target("Compile").Annotated(new FoldedIntoDependentJobs()),
                Target("UnitTest", "Compile").Annotated(new HandsOverNothing()),
                Target("Publish", "UnitTest", "Compile")),
            "run: ./build.sh Compile Publish --skip"
        },
        {
            "compile's files as an artifact",
            Graph(
                Target("Compile").Producing("src/App/bin/**"),
                Target("UnitTest", "Compile").Consuming("Compile").Annotated(new HandsOverNothing()),
                Target("Publish", "UnitTest").Consuming("Compile")),
            "name: Download Compile artifact"
        },
        {
            "a shared job",
            Graph(
                Target("Compile"),
                Target("UnitTest", "Compile").Annotated(new HandsOverNothing(), new SharedJob("Compile")),
                Target("Publish", "UnitTest").Annotated(new SharedJob("Compile"))),
            "run: ./build.sh Compile UnitTest Publish --skip"
        },
        {
            "compile declared a gate whose files nobody needs",
            Graph(
                Target("Compile").Annotated(new HandsOverNothing()),
                Target("UnitTest", "Compile").Annotated(new HandsOverNothing()),
                Target("Publish", "UnitTest")),
            "run: ./build.sh Publish --skip"
        },
    };

    [Theory]
    [MemberData(nameof(Fixes))]
    public void Each_fix_makes_the_chain_pass(string fix, TargetGraph graph, string expected) =>
        Generate(graph, Ci).Should().Contain(expected, fix);

    [Fact]
    public void A_consumed_artifact_stands_for_everything_behind_it()
    {
        var graph = Graph(
            Target("Restore"),
            Target("Compile", "Restore"),
            Target("Pack", "Compile").Producing("artifacts/packages/*.nupkg"),
            Target("PublishPackages", "Pack").Consuming("Pack"));

        var yaml = Generate(graph, new GitHubWorkflow("release", "PublishPackages").OnPushToTags("v*"));

        yaml.Should().Contain("run: ./build.sh Restore Compile Pack --skip").And.Contain("run: ./build.sh PublishPackages --skip");
    }

    [Fact]
    public void A_dependency_missing_for_two_targets_of_one_job_is_reported_once()
    {
        var graph = Graph(
            Target("Compile"),
            Target("Gate", "Compile").Annotated(new HandsOverNothing()),
            Target("Compile2"),
            Target("UnitTest", "Gate", "Compile2").Annotated(new HandsOverNothing()),
            Target("Publish", "Gate").Annotated(new SharedJob("UnitTest")));

        var generate = () => Generate(graph, Ci);

        var message = generate.Should().Throw<TollgateException>().Which.Message;
        message.Split("which depends on Compile through Gate").Should().HaveCount(2, message);
    }

    private static string Generate(TargetGraph graph, GitHubWorkflow workflow) =>
        WorkflowGenerator.Generate(graph, TestSupport.SampleParameters.Descriptors, workflow);
}
