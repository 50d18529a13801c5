namespace Tollgate.Tests.Parameters;

public sealed class ParameterPrecedenceTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("cli,env", 10, ParameterSource.CommandLine)]
    [InlineData("cli,profile", 10, ParameterSource.CommandLine)]
    [InlineData("cli,json", 10, ParameterSource.CommandLine)]
    [InlineData("cli", 10, ParameterSource.CommandLine)]
    [InlineData("env,profile", 20, ParameterSource.Environment)]
    [InlineData("env,json", 20, ParameterSource.Environment)]
    [InlineData("env", 20, ParameterSource.Environment)]
    [InlineData("profile,json", 30, ParameterSource.Profile)]
    [InlineData("profile", 30, ParameterSource.Profile)]
    [InlineData("json", 40, ParameterSource.ParametersFile)]
    [InlineData("", 2, ParameterSource.Default)]
    [InlineData("cli,env,profile,json", 10, ParameterSource.CommandLine)]
    public void Each_source_wins_over_every_source_below_it(string present, int expected, ParameterSource expectedSource)
    {
        var sources = present.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var commandLine = new Dictionary<string, IReadOnlyList<string>>();
        var environment = new Dictionary<string, string?>();
        var profiles = new List<string>();
        if (sources.Contains("cli"))
        {
            commandLine["parallel-jobs"] = ["10"];
        }

        if (sources.Contains("env"))
        {
            environment["PARALLEL_JOBS"] = "20";
        }

        if (sources.Contains("profile"))
        {
            _root.Write(".nuke/parameters.ci.json", """{ "ParallelJobs": 30 }""");
            profiles.Add("ci");
        }

        if (sources.Contains("json"))
        {
            _root.Write(".nuke/parameters.json", """{ "ParallelJobs": 40 }""");
        }

        var resolved = Resolve(_root.Sources(commandLine, environment, [.. profiles]));

        resolved.ByName["ParallelJobs"].Value.Should().Be(expected);
        resolved.ByName["ParallelJobs"].Source.Should().Be(expectedSource);
    }

    [Fact]
    public void The_origin_names_where_the_value_came_from()
    {
        _root.Write(".nuke/parameters.json", "{\n  \"$schema\": \"./build.schema.json\",\n  \"Configuration\": \"Release\"\n}");
        var resolved = Resolve(_root.Sources(
            new Dictionary<string, IReadOnlyList<string>> { ["parallel-jobs"] = ["3"] },
            new Dictionary<string, string?> { ["JUDGE_MODEL"] = "local" }));

        resolved.ByName["ParallelJobs"].Origin.Should().Be("--parallel-jobs");
        resolved.ByName["JudgeModel"].Origin.Should().Be("environment variable JUDGE_MODEL");
        resolved.ByName["Configuration"].Origin.Should().Be(".nuke/parameters.json line 3");
    }

    [Fact]
    public void The_environment_prefers_the_exact_name_over_a_letters_and_digits_match()
    {
        var resolved = Resolve(_root.Sources(environment: new Dictionary<string, string?>
        {
            ["PARALLEL_JOBS"] = "7",
            ["ParallelJobs"] = "8",
            ["parallel-jobs"] = "9",
        }));

        resolved.GetValue("ParallelJobs").Should().Be(8);
        resolved.ByName["ParallelJobs"].Origin.Should().Be("environment variable ParallelJobs");
    }

    [Theory]
    [InlineData("COVERAGE_THRESHOLD")]
    [InlineData("coverage-threshold")]
    [InlineData("coveragethreshold")]
    [InlineData("Coverage_Threshold")]
    public void The_environment_matches_names_by_letters_and_digits_ignoring_case(string variable)
    {
        var resolved = Resolve(_root.Sources(environment: new Dictionary<string, string?> { [variable] = "91.5" }));

        resolved.GetValue("CoverageThreshold").Should().Be(91.5);
    }

    [Fact]
    public void An_empty_environment_variable_counts_as_unset()
    {
        _root.Write(".nuke/parameters.json", """{ "Configuration": "Release" }""");
        var resolved = Resolve(_root.Sources(environment: new Dictionary<string, string?> { ["CONFIGURATION"] = string.Empty }));

        resolved.GetValue("Configuration").Should().Be("Release");
    }

    [Fact]
    public void The_command_line_also_accepts_the_name_without_dashes()
    {
        var resolved = Resolve(_root.Sources(new Dictionary<string, IReadOnlyList<string>> { ["paralleljobs"] = ["6"] }));

        resolved.GetValue("ParallelJobs").Should().Be(6);
        resolved.ByName["ParallelJobs"].Origin.Should().Be("--paralleljobs");
    }

    [Fact]
    public void Later_profiles_win_over_earlier_ones_and_over_parameters_json()
    {
        _root.Write(".nuke/parameters.json", """{ "ParallelJobs": 1, "Configuration": "Release", "JudgeModel": "base" }""");
        _root.Write(".nuke/parameters.a.json", """{ "ParallelJobs": 2, "Configuration": "FromA" }""");
        _root.Write(".nuke/parameters.b.json", """{ "ParallelJobs": 3 }""");

        var resolved = Resolve(_root.Sources(profiles: ["a", "b"]));

        resolved.GetValue("ParallelJobs").Should().Be(3);
        resolved.ByName["ParallelJobs"].Origin.Should().Be(".nuke/parameters.b.json line 1");
        resolved.GetValue("Configuration").Should().Be("FromA");
        resolved.GetValue("JudgeModel").Should().Be("base");
    }

    [Fact]
    public void A_json_null_leaves_the_parameter_to_the_next_source()
    {
        _root.Write(".nuke/parameters.json", """{ "ParallelJobs": 5 }""");
        _root.Write(".nuke/parameters.dev.json", """{ "ParallelJobs": null }""");

        var resolved = Resolve(_root.Sources(profiles: ["dev"]));

        resolved.GetValue("ParallelJobs").Should().Be(5);
    }

    [Fact]
    public void A_missing_profile_is_an_error_naming_the_path_and_the_available_profiles()
    {
        _root.Write(".nuke/parameters.ci.json", "{}");
        _root.Write(".nuke/parameters.local.json", "{}");

        var act = () => Resolve(_root.Sources(profiles: ["staging"]));

        act.Should().Throw<TollgateException>()
            .WithMessage("*Profile 'staging'*.nuke/parameters.staging.json does not exist*Available profiles: ci, local.*");
    }

    [Fact]
    public void Unset_parameters_keep_the_member_default()
    {
        var resolved = Resolve(_root.Sources());

        resolved.ByName["CoverageThreshold"].Should().BeEquivalentTo(new { Value = 80.0, Source = ParameterSource.Default, HasValue = false });
        resolved.GetValue("CoverageThreshold").Should().BeNull();
    }

    [Fact]
    public void Command_line_keys_that_match_no_parameter_are_reported_with_a_suggestion()
    {
        var descriptors = ParameterDiscovery.Find(new SampleBuild());

        var unknown = ParameterResolver.UnknownCommandLineKeys(descriptors, ["parallel-job", "api-key", "frobnicate"]);

        unknown.Should().Equal(("parallel-job", "--parallel-jobs"), ("frobnicate", (string?)null));
    }

    private static ResolvedParameters Resolve(ParameterSources sources) =>
        ParameterResolver.Resolve(ParameterDiscovery.Find(new SampleBuild()), sources);
}
