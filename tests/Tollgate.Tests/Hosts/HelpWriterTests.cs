using Tollgate.TestSupport;

namespace Tollgate.Tests.Hosts;

public sealed class HelpWriterTests
{
    public enum Configuration
    {
        Debug,
        Release,
    }

    [Fact]
    public void Help_lists_targets_parameters_and_engine_options()
    {
        using var writer = new StringWriter();

        HelpWriter.Write(SampleBuilds.Graph(), Parameters(), writer, defaultTarget: null);

        Approvals.Verify(writer.ToString(), "Help.approved.txt");
    }

    [Fact]
    public void Help_never_shows_a_secrets_default_and_hides_unlisted_targets()
    {
        using var writer = new StringWriter();

        HelpWriter.Write(SampleBuilds.Graph(), Parameters(), writer, defaultTarget: "Compile");

        var text = writer.ToString();
        text.Should().NotContain("sk-default-key").And.Contain("--open-ai-api-key <string>  required  (secret)");
        text.Should().NotContain("Clean");
        text.Should().Contain("  Compile (default)").And.NotContain("Pack (default)");
    }

    [Theory]
    [InlineData(typeof(string), "string")]
    [InlineData(typeof(bool), "bool")]
    [InlineData(typeof(int?), "int")]
    [InlineData(typeof(long), "int")]
    [InlineData(typeof(double), "number")]
    [InlineData(typeof(decimal), "number")]
    [InlineData(typeof(Configuration), "Debug|Release")]
    [InlineData(typeof(TimeSpan), "duration")]
    [InlineData(typeof(Uri), "uri")]
    [InlineData(typeof(AbsolutePath), "path")]
    [InlineData(typeof(string[]), "list of string")]
    [InlineData(typeof(IReadOnlyList<int>), "list of int")]
    public void Parameter_types_have_friendly_names(Type type, string expected)
    {
        HelpWriter.FriendlyTypeName(type).Should().Be(expected);
    }

    private static List<ParameterDescriptor> Parameters() =>
    [
        Describe(nameof(SampleParameters.Configuration), typeof(Configuration), "Debug or Release.", Configuration.Release),
        Describe(nameof(SampleParameters.CoverageThreshold), typeof(double), "Minimum line coverage in percent.", 80.5),
        Describe(nameof(SampleParameters.OpenAIApiKey), typeof(string), "Key for the judge model.", "sk-default-key", secret: true, required: true),
        Describe(nameof(SampleParameters.EvalTimeout), typeof(TimeSpan), "How long one evaluation may take.", TimeSpan.FromMinutes(5)),
        Describe(nameof(SampleParameters.Suites), typeof(string[]), "Evaluation suites to run.", new[] { "smoke", "regression" }),
        Describe(nameof(SampleParameters.StagingUrl), typeof(Uri), null, null, required: true),
    ];

    private static ParameterDescriptor Describe(string name, Type type, string? description, object? defaultValue, bool secret = false, bool required = false) => new()
    {
        Name = name,
        Member = typeof(SampleParameters).GetProperty(name)!,
        ValueType = type,
        Description = description,
        DefaultValue = defaultValue,
        IsSecret = secret,
        IsRequired = required,
    };

    private sealed class SampleParameters
    {
        public Configuration Configuration { get; init; } = Configuration.Release;

        public double CoverageThreshold { get; init; } = 80.5;

        public string OpenAIApiKey { get; init; } = "sk-default-key";

        public TimeSpan EvalTimeout { get; init; } = TimeSpan.FromMinutes(5);

        public string[] Suites { get; init; } = ["smoke", "regression"];

        public Uri? StagingUrl { get; init; }
    }
}
