using Tollgate.GitHubActions.Yaml;
using YamlDotNet.RepresentationModel;
using YamlNode = Tollgate.GitHubActions.Yaml.YamlNode;

namespace Tollgate.GitHubActions.Tests;

public sealed class YamlWriterTests
{
    public static TheoryData<string> TrickyStrings { get; } =
    [
        "plain", "", " leading space", "trailing space ", "on", "yes", "No", "null", "~", "true", "1", "1.5", "0x1f", "1e3", ".inf",
        "22:22", "-", "- item", "-flag", "? key", ": value", "key: value", "a #comment", "#comment", "*alias", "&anchor", "!tag",
        "|", ">", "'quoted'", "\"double\"", "%directive", "@at", "`tick`", "[flow]", "{map}", "a, b", "**/*.csproj", "v*",
        "${{ github.ref }}", "${{ !cancelled() }}", "tab\there", "bell\u0007", "ends with colon:", "a\";curl x|sh;\"", "it's",
    ];

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void Any_string_reads_back_unchanged_as_a_value_and_in_a_flow_sequence(string value)
    {
        var yaml = YamlWriter.Write(new YamlMap().Add("value", value).Add("list", YamlNode.Strings([value, "x"])));

        var root = Parse(yaml);
        ((YamlScalarNode)root["value"]).Value.Should().Be(value, yaml);
        ((YamlSequenceNode)root["list"]).Children.Cast<YamlScalarNode>().Select(s => s.Value).Should().Equal([value, "x"], yaml);
    }

    [Fact]
    public void Multi_line_strings_become_literal_blocks_that_keep_their_lines()
    {
        var script = "dotnet --info\n./build.sh Test --skip\n";

        var yaml = YamlWriter.Write(new YamlMap().Add("steps", new YamlSequence([new YamlMap().Add("name", "Run").Add("run", script)])));

        yaml.Should().Be("steps:\n  - name: Run\n    run: |\n      dotnet --info\n      ./build.sh Test --skip\n");
        ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)Parse(yaml)["steps"]).Children[0])["run"]).Value.Should().Be(script);
    }

    [Fact]
    public void Numbers_booleans_empty_maps_and_long_sequences_are_written_as_github_expects()
    {
        var yaml = YamlWriter.Write(new YamlMap()
            .Add("timeout-minutes", YamlNode.Number(30))
            .Add("fail-fast", YamlNode.Bool(false))
            .Add("pull_request", new YamlMap())
            .Add("paths", YamlNode.Strings(Enumerable.Range(1, 12).Select(i => $"src/project-{i}/**"))));

        yaml.Should().StartWith("timeout-minutes: 30\nfail-fast: false\npull_request:\npaths:\n  - src/project-1/**\n");
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }
}
