namespace Tollgate.Tests.Parameters;

public sealed class ParameterFileTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void An_unknown_key_is_an_error_naming_the_file_the_line_and_the_closest_parameter()
    {
        _root.Write(".nuke/parameters.json", "{\n  \"$schema\": \"./build.schema.json\",\n  \"ParallelJobs\": 2,\n  \"CoverageTreshold\": 90\n}\n");

        var act = () => Resolve(_root.Sources());

        act.Should().Throw<TollgateException>()
            .WithMessage(".nuke/parameters.json line 4: 'CoverageTreshold' is not a parameter of this build. Did you mean 'CoverageThreshold'?*");
    }

    [Fact]
    public void An_unknown_key_in_a_profile_names_the_profile_file()
    {
        _root.Write(".nuke/parameters.ci.json", "{\n  \"Frobnicate\": true\n}");

        var act = () => Resolve(_root.Sources(profiles: ["ci"]));

        act.Should().Throw<TollgateException>().WithMessage(".nuke/parameters.ci.json line 2: 'Frobnicate' is not a parameter*Parameters: ApiKey, Budget,*");
    }

    [Fact]
    public void An_unknown_key_is_reported_even_when_a_higher_source_sets_every_parameter()
    {
        _root.Write(".nuke/parameters.json", "{ \"ApiKee\": \"x\" }");

        var act = () => Resolve(_root.Sources(new Dictionary<string, IReadOnlyList<string>> { ["api-key"] = ["secret-value"] }));

        act.Should().Throw<TollgateException>().WithMessage("*'ApiKee'*Did you mean 'ApiKey'?*");
    }

    [Fact]
    public void Line_numbers_are_right_for_windows_line_endings()
    {
        _root.Write(".nuke/parameters.json", "{\r\n  \"ParallelJobs\": 2,\r\n\r\n  \"JudgeModle\": \"x\"\r\n}\r\n");

        var act = () => Resolve(_root.Sources());

        act.Should().Throw<TollgateException>().WithMessage(".nuke/parameters.json line 4: 'JudgeModle'*Did you mean 'JudgeModel'?*");
    }

    [Fact]
    public void Malformed_json_is_an_error_naming_the_file_and_the_line()
    {
        _root.Write(".nuke/parameters.json", "{\n  \"ParallelJobs\": 2,\n  \"Configuration\": Release\n}\n");

        var act = () => Resolve(_root.Sources());

        act.Should().Throw<TollgateException>().WithMessage(".nuke/parameters.json line 3 is not valid JSON*");
    }

    [Fact]
    public void A_file_that_is_not_an_object_is_an_error()
    {
        _root.Write(".nuke/parameters.json", "\n[1, 2]");

        var act = () => Resolve(_root.Sources());

        act.Should().Throw<TollgateException>().WithMessage(".nuke/parameters.json line 2: expected a JSON object*");
    }

    [Fact]
    public void A_key_set_twice_is_an_error_naming_both_lines()
    {
        _root.Write(".nuke/parameters.json", "{\n  \"ParallelJobs\": 2,\n  \"paralleljobs\": 3\n}");

        var act = () => Resolve(_root.Sources());

        act.Should().Throw<TollgateException>().WithMessage(".nuke/parameters.json line 3: 'paralleljobs' is already set on line 2*");
    }

    [Fact]
    public void Comments_trailing_commas_a_byte_order_mark_and_engine_keys_are_accepted()
    {
        File.WriteAllText(
            _root.Path / ".nuke" / "parameters.json",
            "{\n  // the CI machine has two cores\n  \"parallelJobs\": 2,\n  \"Target\": [\"Test\"],\n  \"Verbosity\": \"Verbose\",\n}\n",
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var resolved = Resolve(_root.Sources());

        resolved.GetValue("ParallelJobs").Should().Be(2);
    }

    [Fact]
    public void An_object_value_is_an_error_naming_the_line()
    {
        _root.Write(".nuke/parameters.json", "{\n  \"Suites\": { \"a\": 1 }\n}");

        var act = () => Resolve(_root.Sources());

        act.Should().Throw<TollgateException>().WithMessage(".nuke/parameters.json line 2: 'Suites' holds a JSON object*");
    }

    [Fact]
    public void An_empty_file_sets_nothing()
    {
        _root.Write(".nuke/parameters.json", "  \n");

        var resolved = Resolve(_root.Sources());

        resolved.ByName.Values.Should().OnlyContain(p => p.Source == ParameterSource.Default);
    }

    [Fact]
    public void Available_profiles_are_the_parameter_files_with_a_name()
    {
        _root.Write(".nuke/parameters.json", "{}");
        _root.Write(".nuke/parameters.prod.json", "{}");
        _root.Write(".nuke/parameters.dev.json", "{}");
        _root.Write(".nuke/build.schema.json", "{}");

        ParameterResolver.AvailableProfiles(_root.Path).Should().Equal("dev", "prod");
    }

    private static ResolvedParameters Resolve(ParameterSources sources) =>
        ParameterResolver.Resolve(ParameterDiscovery.Find(new SampleBuild()), sources);
}
