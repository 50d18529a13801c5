using Tollgate.Tests.TestSupport;

namespace Tollgate.Tests.Cli;

public sealed class BuildRunnerTests : IDisposable
{
    private readonly BuildFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task The_default_target_runs_with_its_dependencies_and_the_summary_says_succeeded()
    {
        var build = new SampleBuild();
        var exitCode = await _fixture.RunAsync(build, "Test");
        exitCode.Should().Be(0);
        build.Ran.Should().Equal("Restore", "Compile", "Test");
        _fixture.Output.Should().Contain("Build succeeded");
    }

    [Fact]
    public async Task A_failing_target_fails_the_build_with_exit_code_1()
    {
        var build = new SampleBuild { FailTest = true };
        (await _fixture.RunAsync(build, "Test")).Should().Be(1);
        _fixture.Output.Should().Contain("3 tests failed").And.Contain("Build failed");
    }

    [Fact]
    public async Task Skip_runs_only_the_named_target_as_CI_jobs_do()
    {
        var build = new SampleBuild();
        (await _fixture.RunAsync(build, null, "Test", "--skip")).Should().Be(0);
        build.Ran.Should().Equal("Test");
    }

    [Fact]
    public async Task Help_lists_targets_and_parameters_and_runs_nothing()
    {
        var build = new SampleBuild();
        (await _fixture.RunAsync(build, "Test", "--help")).Should().Be(0);
        build.Ran.Should().BeEmpty();
        _fixture.Output.Should().Contain("Compile").And.Contain("--stage").And.Contain("--retries").And.Contain("(secret)");
    }

    [Fact]
    public async Task A_plain_help_is_kept_for_the_bootstrapper_and_help_with_other_arguments_is_not()
    {
        (await _fixture.RunAsync(new SampleBuild(), "Test", "--help")).Should().Be(0);
        var kept = _fixture.Root / ".nuke" / "temp" / "help.txt";
        File.ReadAllText(kept).Should().Be(_fixture.Output, "build.sh prints this file instead of starting the build");

        File.Delete(kept);
        (await _fixture.RunAsync(new SampleBuild(), "Test", "--help", "--stage", "prod")).Should().Be(0);
        File.Exists(kept).Should().BeFalse("help with other arguments may differ, so it is not kept");
    }

    [Fact]
    public async Task Plan_prints_the_plan_and_writes_a_self_contained_html_graph()
    {
        var build = new SampleBuild();
        (await _fixture.RunAsync(build, "Test", "--plan")).Should().Be(0);
        build.Ran.Should().BeEmpty();
        _fixture.Output.Should().Contain("Restore").And.Contain("plan.html");
        var html = await File.ReadAllTextAsync(_fixture.Root / ".nuke" / "temp" / "plan.html");
        html.Should().Contain("<svg").And.NotContain("src=\"http");
    }

    [Fact]
    public async Task The_build_schema_is_generated_for_editors()
    {
        await _fixture.RunAsync(new SampleBuild(), "Test", "--help");
        var schema = await File.ReadAllTextAsync(_fixture.Root / ".nuke" / "build.schema.json");
        schema.Should().Contain("\"Stage\"").And.Contain("\"Deploy\"");
    }

    [Fact]
    public async Task An_unknown_option_is_an_error_with_the_nearest_match()
    {
        (await _fixture.RunAsync(new SampleBuild(), "Test", "--retires", "3")).Should().Be(1);
        _fixture.Output.Should().Contain("Unknown option --retires").And.Contain("Did you mean --retries?");
    }

    [Fact]
    public async Task A_misspelt_engine_flag_suggests_the_engine_flag()
    {
        (await _fixture.RunAsync(new SampleBuild(), "Test", "--max-paralel", "2")).Should().Be(1);
        _fixture.Output.Should().Contain("Did you mean --max-parallel?");
    }

    [Fact]
    public async Task An_unknown_target_is_an_error_with_the_closest_match()
    {
        (await _fixture.RunAsync(new SampleBuild(), null, "Compil")).Should().Be(1);
        _fixture.Output.Should().Contain("Did you mean 'Compile'?");
    }

    [Fact]
    public async Task A_missing_required_parameter_fails_before_any_target_runs()
    {
        var build = new SampleBuild();
        (await _fixture.RunAsync(build, null, "Deploy")).Should().Be(1);
        build.Ran.Should().BeEmpty();
        _fixture.Output.Should().Contain("--token").And.Contain("TOKEN");
    }

    [Fact]
    public async Task Parameter_values_from_the_command_line_beat_the_environment()
    {
        _fixture.Environment["STAGE"] = "from-env";
        var build = new SampleBuild();
        await _fixture.RunAsync(build, null, "Restore", "--stage", "from-cli");
        build.Stage.Should().Be("from-cli");
        var other = new SampleBuild();
        await _fixture.RunAsync(other, null, "Restore");
        other.Stage.Should().Be("from-env");
    }

    [Fact]
    public async Task Values_after_a_single_valued_parameter_are_targets()
    {
        var build = new SampleBuild();
        (await _fixture.RunAsync(build, null, "--retries", "2", "Compile")).Should().Be(0);
        build.Retries.Should().Be(2);
        build.Ran.Should().Equal("Restore", "Compile");
    }

    [Fact]
    public async Task A_secret_is_masked_in_child_process_output_and_never_printed()
    {
        _fixture.Environment["TOKEN"] = "s3cr3t-value-123";
        var build = new SampleBuild();
        (await _fixture.RunAsync(build, null, "Deploy", "--stage", "staging", "--verbosity", "verbose")).Should().Be(0);
        _fixture.Output.Should().Contain("deploying with *** to staging").And.NotContain("s3cr3t-value-123");
        var outputFile = Directory.GetFiles(_fixture.Root / ".nuke" / "temp" / "logs", "Deploy.*.bash.log").Should().ContainSingle().Which;
        File.ReadAllText(outputFile).Should().Contain("deploying with *** to staging").And.NotContain("s3cr3t-value-123");
    }
}
