namespace Tollgate.Tests.Parameters;

public sealed class ParameterValidationTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_missing_required_parameter_is_named_with_every_way_to_set_it()
    {
        var descriptors = ParameterDiscovery.Find(new SampleBuild());
        var resolved = ParameterResolver.Resolve(descriptors, _root.Sources());

        var act = () => ParameterValidation.EnsureRequired(descriptors, resolved, []);

        act.Should().Throw<TollgateException>().Which.Message.Should().Be(
            """
            A required parameter has no value:
              ApiKey (secret): API key of the model provider.
                set it with --api-key <value>
                or environment variable ApiKey or API_KEY
                or "ApiKey" in .nuke/parameters.json (or a profile file .nuke/parameters.NAME.json with --profile NAME)
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_missing_parameter_is_listed_in_one_error_including_those_targets_require()
    {
        var descriptors = ParameterDiscovery.Find(new SampleBuild());
        var resolved = ParameterResolver.Resolve(descriptors, _root.Sources());

        var act = () => ParameterValidation.EnsureRequired(descriptors, resolved, ["Registry", "registry", "ReportDirectory"]);

        var message = act.Should().Throw<TollgateException>().Which.Message;
        message.Should().StartWith("3 required parameters have no value:");
        message.Should().Contain("--api-key <value>").And.Contain("--registry <value>").And.Contain("--report-directory <value>");
        message.Should().Contain("environment variable Registry or REGISTRY").And.Contain("environment variable ReportDirectory or REPORT_DIRECTORY");
        message.Should().Contain("\"ReportDirectory\" in .nuke/parameters.json");
    }

    [Fact]
    public void A_required_parameter_with_a_value_from_any_source_or_a_default_passes()
    {
        var descriptors = ParameterDiscovery.Find(new SampleBuild());
        _root.Write(".nuke/parameters.ci.json", """{ "Registry": "http://127.0.0.1:5000/" }""");
        var resolved = ParameterResolver.Resolve(descriptors, _root.Sources(
            environment: new Dictionary<string, string?> { ["API_KEY"] = "sk-test-value" }, profiles: ["ci"]));

        var act = () => ParameterValidation.EnsureRequired(descriptors, resolved, ["Registry", "CoverageThreshold", "Configuration"]);

        act.Should().NotThrow();
    }

    [Fact]
    public void Requiring_a_name_that_is_no_parameter_is_an_error_with_a_suggestion()
    {
        var descriptors = ParameterDiscovery.Find(new SampleBuild());
        var resolved = ParameterResolver.Resolve(descriptors, _root.Sources(environment: new Dictionary<string, string?> { ["API_KEY"] = "sk-test-value" }));

        var act = () => ParameterValidation.EnsureRequired(descriptors, resolved, ["Registy"]);

        act.Should().Throw<TollgateException>().WithMessage("A target requires 'Registy', which is not a parameter of this build.*require 'Registry'.");
    }

    [Theory]
    [InlineData("ApiKey", "API_KEY")]
    [InlineData("LLMApiKey", "LLM_API_KEY")]
    [InlineData("ParallelJobs", "PARALLEL_JOBS")]
    [InlineData("Seed", "SEED")]
    public void The_environment_spelling_is_upper_snake_case(string name, string expected)
    {
        ParameterValidation.ToEnvironmentName(name).Should().Be(expected);
    }
}
