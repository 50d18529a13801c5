using Tollgate.TestSupport;

namespace Tollgate.Containers.Tests;

public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("*.log", "app.log", true)]
    [InlineData("*.log", "logs/app.log", false)]
    [InlineData("**/*.log", "logs/deep/app.log", true)]
    [InlineData("**/bin/", "src/App/bin/Debug/App.dll", true)]
    [InlineData("/secrets", "secrets/key.pem", true)]
    [InlineData("./docs", "docs/readme.md", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[!a-c].txt", "b.txt", false)]
    [InlineData("\\*.md", "*.md", true)]
    [InlineData("\\*.md", "x.md", false)]
    [InlineData("docs/**", "docs/a/b.md", true)]
    [InlineData("docs", "documents/a.md", false)]
    public void A_pattern_matches_as_Dockers_pattern_matcher_does(string pattern, string path, bool excluded) =>
        DockerIgnore.Parse(pattern).IsExcluded(path).Should().Be(excluded);

    [Fact]
    public void The_last_matching_line_wins_so_exceptions_bring_files_back()
    {
        var ignore = DockerIgnore.Parse("# comment\n\nlogs/\n!logs/keep.log\n*.tmp\n!important.tmp\nimportant.tmp\n");

        ignore.IsExcluded("logs/app.log").Should().BeTrue();
        ignore.IsExcluded("logs/keep.log").Should().BeFalse();
        ignore.IsExcluded("important.tmp").Should().BeTrue("a later line excludes it again");
        ignore.IsExcluded("README.md").Should().BeFalse();
        ignore.HasExceptions.Should().BeTrue();
        ignore.Patterns.Should().Equal("logs", "!logs/keep.log", "*.tmp", "!important.tmp", "important.tmp");
    }

    [Fact]
    public void An_allow_list_keeps_only_what_it_names()
    {
        var ignore = DockerIgnore.Parse("*\n!src/App/\n**/obj/\n");

        ignore.IsExcluded("tests/Test.cs").Should().BeTrue();
        ignore.IsExcluded("src/App/Program.cs").Should().BeFalse();
        ignore.IsExcluded("src/App/obj/project.assets.json").Should().BeTrue();
        ignore.MayIncludeUnder("src").Should().BeTrue("an exception names something under src/");
        ignore.MayIncludeUnder("tests").Should().BeFalse("no exception can bring anything under tests/ back");
    }

    [Fact]
    public void A_missing_file_ignores_nothing()
    {
        using var directory = new TempDirectory("tollgate-dockerignore");
        var ignore = DockerIgnore.Load(directory[Path.Combine("missing", ".dockerignore")]);

        ignore.IsExcluded("anything").Should().BeFalse();
        ignore.HasExceptions.Should().BeFalse();
    }
}
