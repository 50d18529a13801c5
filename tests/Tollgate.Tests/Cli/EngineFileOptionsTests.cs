using Tollgate.Tests.TestSupport;

namespace Tollgate.Tests.Cli;

public sealed class EngineFileOptionsTests : IDisposable
{
    private readonly BuildFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Target_and_Skip_in_parameters_json_apply_when_the_command_line_names_none()
    {
        await File.WriteAllTextAsync(_fixture.Root / ".nuke" / "parameters.json", "{ \"Target\": \"Test\", \"Skip\": [\"Restore\"] }");
        var build = new SampleBuild();
        (await _fixture.RunAsync(build, "Restore")).Should().Be(0);
        build.Ran.Should().Equal("Compile", "Test");
    }

    [Fact]
    public async Task The_command_line_wins_over_the_file()
    {
        await File.WriteAllTextAsync(_fixture.Root / ".nuke" / "parameters.json", "{ \"Target\": [\"Test\"] }");
        var build = new SampleBuild();
        (await _fixture.RunAsync(build, null, "Restore")).Should().Be(0);
        build.Ran.Should().Equal("Restore");
    }

    [Fact]
    public async Task A_profile_wins_over_parameters_json()
    {
        await File.WriteAllTextAsync(_fixture.Root / ".nuke" / "parameters.json", "{ \"Target\": \"Test\" }");
        await File.WriteAllTextAsync(_fixture.Root / ".nuke" / "parameters.quick.json", "{ \"Target\": \"Compile\", \"Verbosity\": \"quiet\" }");
        var build = new SampleBuild();
        (await _fixture.RunAsync(build, null, "--profile", "quick")).Should().Be(0);
        build.Ran.Should().Equal("Restore", "Compile");
        _fixture.Output.Should().NotContain("▶ Compile", "quiet hides target start lines");
    }

    [Fact]
    public async Task A_bad_engine_value_names_the_file_line_and_valid_values()
    {
        await File.WriteAllTextAsync(_fixture.Root / ".nuke" / "parameters.json", "{\n  \"Verbosity\": \"loud\"\n}");
        (await _fixture.RunAsync(new SampleBuild(), "Restore")).Should().Be(1);
        _fixture.Output.Should().Contain(".nuke/parameters.json line 2: 'Verbosity' must be Quiet, Minimal, Normal, Verbose.");
    }

    [Fact]
    public async Task An_unknown_target_in_parameters_json_names_the_file_and_line()
    {
        await File.WriteAllTextAsync(_fixture.Root / ".nuke" / "parameters.json", "{\n  \"Target\": [\"Compil\"]\n}");
        (await _fixture.RunAsync(new SampleBuild(), null)).Should().Be(1);
        _fixture.Output.Should().Contain(".nuke/parameters.json line 2: There is no target named 'Compil'. Did you mean 'Compile'?");
    }

    [Fact]
    public async Task An_unknown_skipped_target_in_a_profile_names_the_profile_file()
    {
        await File.WriteAllTextAsync(_fixture.Root / ".nuke" / "parameters.ci.json", "{ \"Skip\": [\"Restor\"] }");
        (await _fixture.RunAsync(new SampleBuild(), "Test", "--profile", "ci")).Should().Be(1);
        _fixture.Output.Should().Contain(".nuke/parameters.ci.json line 1: There is no target named 'Restor'.");
    }

    [Fact]
    public async Task An_unknown_host_in_parameters_json_names_the_file()
    {
        await File.WriteAllTextAsync(_fixture.Root / ".nuke" / "parameters.json", "{ \"Host\": \"jenkins\" }");
        (await _fixture.RunAsync(new SampleBuild(), "Test")).Should().Be(1);
        _fixture.Output.Should().Contain(".nuke/parameters.json line 1: 'Host' 'jenkins' is not a known host.");
    }

    [Fact]
    public async Task A_bad_parameter_value_in_parameters_json_names_the_file_and_line()
    {
        await File.WriteAllTextAsync(_fixture.Root / ".nuke" / "parameters.json", "{\n  \"Retries\": \"many\"\n}");
        (await _fixture.RunAsync(new SampleBuild(), "Test")).Should().Be(1);
        _fixture.Output.Should().Contain(".nuke/parameters.json line 2");
    }
}
