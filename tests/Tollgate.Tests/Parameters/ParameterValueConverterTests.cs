namespace Tollgate.Tests.Parameters;

public sealed class ParameterValueConverterTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Strings_numbers_and_decimals_are_read_with_the_invariant_culture()
    {
        var resolved = FromCommandLine(("configuration", ["Release"]), ("parallel-jobs", ["8"]), ("seed", ["9000000000"]),
            ("budget", ["12.75"]), ("coverage-threshold", ["85.5"]));

        resolved.GetValue("Configuration").Should().Be("Release");
        resolved.GetValue("ParallelJobs").Should().Be(8);
        resolved.GetValue("Seed").Should().Be(9_000_000_000L);
        resolved.GetValue("Budget").Should().Be(12.75m);
        resolved.GetValue("CoverageThreshold").Should().Be(85.5);
    }

    [Fact]
    public void A_bare_bool_flag_is_true()
    {
        var resolved = FromCommandLine(("no-cache", []));

        resolved.GetValue("NoCache").Should().Be(true);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    [InlineData("NO", false)]
    public void Bool_values_accept_true_false_one_zero_yes_no(string text, bool expected)
    {
        var resolved = ParameterResolver.Resolve(Descriptors(), _root.Sources(environment: new Dictionary<string, string?> { ["NO_CACHE"] = text }));

        resolved.GetValue("NoCache").Should().Be(expected);
    }

    [Fact]
    public void A_bool_from_a_json_literal_is_read()
    {
        _root.Write(".nuke/parameters.json", """{ "NoCache": true, "ParallelJobs": 3, "Budget": 2.5 }""");

        var resolved = ParameterResolver.Resolve(Descriptors(), _root.Sources());

        resolved.GetValue("NoCache").Should().Be(true);
        resolved.GetValue("ParallelJobs").Should().Be(3);
        resolved.GetValue("Budget").Should().Be(2.5m);
    }

    [Theory]
    [InlineData("production", DeployTarget.Production)]
    [InlineData("STAGING", DeployTarget.Staging)]
    [InlineData("local-container", DeployTarget.LocalContainer)]
    [InlineData("LocalContainer", DeployTarget.LocalContainer)]
    public void Enums_are_read_by_name_ignoring_case_and_dashes(string text, DeployTarget expected)
    {
        FromCommandLine(("environment", [text])).GetValue("Environment").Should().Be(expected);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("1")]
    public void An_unknown_enum_value_is_an_error_listing_the_valid_values(string text)
    {
        var act = () => FromCommandLine(("environment", [text]));

        act.Should().Throw<TollgateException>().WithMessage(
            $"Parameter 'Environment' (--environment) has the value '{text}', which is not one of Staging, Production, LocalContainer (DeployTarget). Example: Staging.");
    }

    [Theory]
    [InlineData("00:05:00", 300_000)]
    [InlineData("1.02:00:00", 93_600_000)]
    [InlineData("250ms", 250)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("1d", 86_400_000)]
    public void Durations_accept_clock_and_unit_forms(string text, long milliseconds)
    {
        FromCommandLine(("eval-timeout", [text])).GetValue("EvalTimeout").Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("-5m")]
    [InlineData("m")]
    public void A_bad_duration_is_an_error_with_the_accepted_forms(string text)
    {
        var act = () => FromCommandLine(("eval-timeout", [text]));

        act.Should().Throw<TollgateException>().WithMessage("*'EvalTimeout'*--eval-timeout*00:05:00, 250ms, 30s, 5m, 1h or 1d*Example: 5m.");
    }

    [Fact]
    public void An_absolute_uri_is_read_and_a_relative_one_is_rejected()
    {
        FromCommandLine(("registry", ["http://127.0.0.1:5000/v2/"])).GetValue("Registry").Should().Be(new Uri("http://127.0.0.1:5000/v2/"));

        var act = () => FromCommandLine(("registry", ["/v2/images"]));
        act.Should().Throw<TollgateException>().WithMessage("*'Registry'*absolute URI*Example: https://example.com/.");
    }

    [Fact]
    public void A_relative_path_is_resolved_against_the_root_and_an_absolute_one_is_kept()
    {
        FromCommandLine(("report-directory", ["artifacts/reports"])).GetValue("ReportDirectory")
            .Should().Be(_root.Path / "artifacts" / "reports");

        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere");
        FromCommandLine(("report-directory", [elsewhere])).GetValue("ReportDirectory").Should().Be(new AbsolutePath(elsewhere));
    }

    [Fact]
    public void Arrays_take_several_command_line_values()
    {
        var resolved = FromCommandLine(("suites", ["smoke", "regression"]), ("weights", ["0.5", "1.5"]));

        resolved.GetValue("Suites").Should().BeOfType<string[]>().Which.Should().Equal("smoke", "regression");
        resolved.GetValue("Weights").Should().BeOfType<List<double>>().Which.Should().Equal(0.5, 1.5);
    }

    [Fact]
    public void Arrays_from_the_environment_split_on_commas_and_whitespace()
    {
        var resolved = ParameterResolver.Resolve(Descriptors(), _root.Sources(environment: new Dictionary<string, string?> { ["SUITES"] = "smoke, regression  safety" }));

        resolved.GetValue("Suites").Should().BeEquivalentTo(new[] { "smoke", "regression", "safety" });
    }

    [Fact]
    public void Arrays_with_a_declared_separator_split_on_it_only()
    {
        var resolved = ParameterResolver.Resolve(Descriptors(), _root.Sources(
            new Dictionary<string, IReadOnlyList<string>> { ["ports"] = ["80;443"] }));

        resolved.GetValue("Ports").Should().BeAssignableTo<IReadOnlyList<int>>().Which.Should().Equal(80, 443);

        var act = () => ParameterResolver.Resolve(Descriptors(), _root.Sources(environment: new Dictionary<string, string?> { ["PORTS"] = "80,443" }));
        act.Should().Throw<TollgateException>().WithMessage("*'Ports' (environment variable PORTS) has the value '80,443'*whole number*");
    }

    [Fact]
    public void Arrays_from_json_take_arrays_or_a_single_value()
    {
        _root.Write(".nuke/parameters.json", """{ "Suites": ["a", "b"], "Weights": 2 }""");

        var resolved = ParameterResolver.Resolve(Descriptors(), _root.Sources());

        resolved.GetValue("Suites").Should().BeEquivalentTo(new[] { "a", "b" });
        resolved.GetValue("Weights").Should().BeEquivalentTo(new[] { 2.0 });
    }

    [Fact]
    public void A_bad_number_is_an_error_naming_parameter_source_value_type_and_example()
    {
        var act = () => ParameterResolver.Resolve(Descriptors(), _root.Sources(environment: new Dictionary<string, string?> { ["PARALLEL_JOBS"] = "many" }));

        act.Should().Throw<TollgateException>().WithMessage(
            "Parameter 'ParallelJobs' (environment variable PARALLEL_JOBS) has the value 'many', which is not a whole number (Int32). Example: 4.");
    }

    [Fact]
    public void A_bad_value_in_a_json_file_names_the_file_and_line()
    {
        _root.Write(".nuke/parameters.json", "{\n  \"Budget\": \"lots\"\n}");

        var act = () => ParameterResolver.Resolve(Descriptors(), _root.Sources());

        act.Should().Throw<TollgateException>().WithMessage("*'Budget' (.nuke/parameters.json line 2) has the value 'lots'*");
    }

    [Fact]
    public void A_secret_value_is_masked_in_conversion_errors()
    {
        var descriptor = new ParameterDescriptor
        {
            Name = "SigningPin",
            Member = typeof(SampleBuild).GetProperty(nameof(SampleBuild.ParallelJobs))!,
            ValueType = typeof(int),
            IsSecret = true,
        };

        var act = () => ParameterValueConverter.Convert(descriptor, new RawParameterValue(["hunter2-not-a-number"], "--signing-pin"), _root.Path);

        act.Should().Throw<TollgateException>()
            .Where(e => !e.Message.Contains("hunter2", StringComparison.Ordinal))
            .WithMessage("Parameter 'SigningPin' (--signing-pin) has the value '***', which is not a whole number*");
    }

    [Fact]
    public void A_value_flag_given_bare_or_twice_is_an_error()
    {
        var bare = () => FromCommandLine(("parallel-jobs", []));
        bare.Should().Throw<TollgateException>().WithMessage("*'ParallelJobs' (--parallel-jobs) needs a value*--parallel-jobs 4*");

        var twice = () => FromCommandLine(("parallel-jobs", ["2", "3"]));
        twice.Should().Throw<TollgateException>().WithMessage("*takes one value but got 2: 2 3*");
    }

    [Fact]
    public void Format_writes_invariant_text()
    {
        ParameterValueConverter.Format(new[] { 1.5, 2.0 }).Should().Be("1.5,2");
        ParameterValueConverter.Format(TimeSpan.FromSeconds(90)).Should().Be("00:01:30");
        ParameterValueConverter.Format(DeployTarget.Production).Should().Be("Production");
        ParameterValueConverter.Format(true).Should().Be("true");
    }

    private static System.Collections.Immutable.ImmutableArray<ParameterDescriptor> Descriptors() => ParameterDiscovery.Find(new SampleBuild());

    private ResolvedParameters FromCommandLine(params (string Key, string[] Values)[] flags) =>
        ParameterResolver.Resolve(Descriptors(), _root.Sources(flags.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Values)));
}
