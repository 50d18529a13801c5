using Tollgate.Components.Lint;

namespace Tollgate.Components.Tests.Lint;

public class YamlSyntaxCheckerTests
{
    [Fact]
    public void Well_formed_yaml_with_several_documents_passes()
    {
        YamlSyntaxChecker.Check("a: 1\n---\nb: [1, 2]\n", "k8s/values.yaml").Should().BeNull();
    }

    [Theory]
    [InlineData("on: push\njobs:\n  build:\n    steps: [\n", 5, "did not find expected node content")]
    [InlineData("name: ci\njobs:\n  a: 1\n  a: 2\n", 4, "Duplicate key")]
    [InlineData("replicaCount: 1\nimage:\n  repository: x\n tag: 1\n", 4, "Invalid YAML")]
    public void Malformed_yaml_is_an_error_at_its_line(string text, int line, string message)
    {
        var diagnostic = YamlSyntaxChecker.Check(text, ".github/workflows/ci.yml");

        diagnostic.Should().NotBeNull();
        diagnostic!.Severity.Should().Be(LogLevel.Error);
        diagnostic.File.Should().Be(".github/workflows/ci.yml");
        diagnostic.Line.Should().Be(line);
        diagnostic.Message.Should().StartWith("Invalid YAML:").And.ContainEquivalentOf(message);
    }
}
