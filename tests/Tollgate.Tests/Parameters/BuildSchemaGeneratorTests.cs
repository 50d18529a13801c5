using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tollgate.Tests.Parameters;

public sealed class BuildSchemaGeneratorTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void The_schema_matches_the_approved_file()
    {
        var text = BuildSchemaGenerator.Generate(ParameterDiscovery.Find(new SampleBuild()), Graph());

        var approved = ApprovedFile();
        var received = Path.ChangeExtension(approved, ".received.json");
        if (!File.Exists(approved) || File.ReadAllText(approved) != text)
        {
            File.WriteAllText(received, text);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        var because = $"the generated schema was written to {received}; review it and copy it over the approved file if the change is intended";
        File.Exists(approved).Should().BeTrue(because);
        text.Should().Be(File.ReadAllText(approved), because);
    }

    [Fact]
    public void The_schema_is_deterministic_with_unix_newlines_and_two_space_indent()
    {
        var first = BuildSchemaGenerator.Generate(ParameterDiscovery.Find(new SampleBuild()), Graph());
        var second = BuildSchemaGenerator.Generate(ParameterDiscovery.Find(new SampleBuild()), Graph());

        second.Should().Be(first);
        first.Should().NotContain("\r").And.EndWith("}\n").And.Contain("\n  \"properties\": {\n    \"$schema\"");
    }

    [Fact]
    public void Each_parameter_gets_its_json_type_and_the_engine_options_list_every_target()
    {
        using var schema = JsonDocument.Parse(BuildSchemaGenerator.Generate(ParameterDiscovery.Find(new SampleBuild()), Graph()));
        var properties = schema.RootElement.GetProperty("properties");

        schema.RootElement.GetProperty("$schema").GetString().Should().Be("http://json-schema.org/draft-07/schema#");
        properties.GetProperty("ParallelJobs").GetProperty("type").GetString().Should().Be("integer");
        properties.GetProperty("CoverageThreshold").GetProperty("type").GetString().Should().Be("number");
        properties.GetProperty("NoCache").GetProperty("type").GetString().Should().Be("boolean");
        properties.GetProperty("Registry").GetProperty("format").GetString().Should().Be("uri");
        properties.GetProperty("Ports").GetProperty("items").GetProperty("type").GetString().Should().Be("integer");
        properties.GetProperty("Environment").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("Staging", "Production", "LocalContainer");
        properties.GetProperty("Skip").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("Compile", "Deploy", "Test");
        properties.GetProperty("Verbosity").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("Quiet", "Minimal", "Normal", "Verbose");
        properties.GetProperty("Host").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("github-actions", "terminal");
    }

    [Fact]
    public void A_secret_is_marked_and_its_default_never_written()
    {
        var text = BuildSchemaGenerator.Generate(ParameterDiscovery.Find(new SecretWithDefaultBuild()), Graph());

        text.Should().NotContain("default-token-value");
        using var schema = JsonDocument.Parse(text);
        var token = schema.RootElement.GetProperty("properties").GetProperty("Token");
        token.GetProperty("description").GetString().Should().Be("Token for the registry. (secret)");
        token.TryGetProperty("default", out _).Should().BeFalse();
    }

    [Fact]
    public void WriteIfChanged_writes_only_when_the_text_differs()
    {
        var path = _root.Path / ".nuke" / "build.schema.json";

        BuildSchemaGenerator.WriteIfChanged(path, "{}\n").Should().BeTrue();
        BuildSchemaGenerator.WriteIfChanged(path, "{}\n").Should().BeFalse();
        BuildSchemaGenerator.WriteIfChanged(path, "{ }\n").Should().BeTrue();
        File.ReadAllText(path).Should().Be("{ }\n");
    }

    private static TargetGraph Graph() => new(
        [
            new TargetSpec { Name = "Test", DependsOn = ["Compile"] },
            new TargetSpec { Name = "Compile" },
            new TargetSpec { Name = "Deploy", Unlisted = true },
        ],
        "Test");

    private static string ApprovedFile([CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, "Approved", "build.schema.json");

    private sealed class SecretWithDefaultBuild
    {
        [Parameter("Token for the registry."), Secret]
        public string Token { get; set; } = "default-token-value";
    }
}
