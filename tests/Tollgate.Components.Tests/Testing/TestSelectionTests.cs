using Tollgate.Components.Testing;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Testing;

public sealed class TestSelectionTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly GitRepository _git;

    public TestSelectionTests() => _git = new GitRepository(_directory);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_project_graph_reads_references_and_owners_from_csproj_files()
    {
        WriteSolution();

        var graph = ProjectGraph.Load(_directory.Path);

        graph.Projects.Should().Equal("src/Api/Api.csproj", "src/Core/Core.csproj", "src/Other/Other.csproj", "tests/Api.Tests/Api.Tests.csproj", "tests/Core.Tests/Core.Tests.csproj", "tests/Other.Tests/Other.Tests.csproj");
        graph.ReferencesOf("tests/Api.Tests/Api.Tests.csproj").Should().Equal("src/Api/Api.csproj");
        graph.OwnerOf("src/Api/Endpoints/Query.cs").Should().Be("src/Api/Api.csproj");
        graph.OwnerOf("README.md").Should().BeNull();
        graph.WithDependents(["src/Core/Core.csproj"]).Should().BeEquivalentTo(
            "src/Core/Core.csproj", "src/Api/Api.csproj", "tests/Core.Tests/Core.Tests.csproj", "tests/Api.Tests/Api.Tests.csproj");
    }

    [Fact]
    public async Task Changes_since_a_ref_select_the_affected_test_projects_through_references_and_smoke_for_the_rest()
    {
        WriteSolution();
        await _git.InitAsync();
        var baseCommit = await _git.GitAsync("rev-parse", "HEAD");
        _directory.Write("src/Api/Endpoint.cs", "class Endpoint { }");
        await _git.CommitAllAsync("api change");
        var runner = new TestRunner(Processes.Create());
        var options = new TestRunOptions(_directory.Path).WithChangedSince(baseCommit);

        var committed = await runner.SelectAsync(options, CancellationToken.None);

        committed.Full.Should().Equal("tests/Api.Tests/Api.Tests.csproj");
        committed.SmokeOnly.Should().Equal("tests/Core.Tests/Core.Tests.csproj", "tests/Other.Tests/Other.Tests.csproj");
        (committed.IsCoverageGated("Api"), committed.IsCoverageGated("Core"), committed.IsCoverageGated("Other")).Should().Be((true, false, false));
        committed.Reason.Should().StartWith($"Changes since {baseCommit}: 1 changed file(s) touch 1 project(s)");

        // An untracked file in Core (not yet committed) affects Core's tests and, through Api, Api's tests.
        _directory.Write("src/Core/New.cs", "class New { }");
        var withUntracked = await runner.SelectAsync(options, CancellationToken.None);

        withUntracked.Full.Should().Equal("tests/Api.Tests/Api.Tests.csproj", "tests/Core.Tests/Core.Tests.csproj");
        withUntracked.SmokeOnly.Should().Equal("tests/Other.Tests/Other.Tests.csproj");
    }

    [Fact]
    public async Task A_change_to_build_wide_files_selects_everything_and_docs_select_nothing()
    {
        WriteSolution();
        await _git.InitAsync();
        var baseCommit = await _git.GitAsync("rev-parse", "HEAD");
        var runner = new TestRunner(Processes.Create());
        var options = new TestRunOptions(_directory.Path).WithChangedSince(baseCommit);

        _directory.Write("README.md", "# docs");
        var docs = await runner.SelectAsync(options, CancellationToken.None);
        _directory.Write("Directory.Build.props", "<Project><PropertyGroup><LangVersion>latest</LangVersion></PropertyGroup></Project>");
        var props = await runner.SelectAsync(options, CancellationToken.None);

        docs.Full.Should().BeEmpty();
        docs.SmokeOnly.Should().HaveCount(3);
        props.Full.Should().HaveCount(3);
        props.SmokeOnly.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_changed_since_everything_runs_and_an_unknown_ref_says_how_to_fetch_it()
    {
        WriteSolution();
        await _git.InitAsync();
        var runner = new TestRunner(Processes.Create());

        var all = await runner.SelectAsync(new TestRunOptions(_directory.Path), CancellationToken.None);
        var unknown = () => runner.SelectAsync(new TestRunOptions(_directory.Path).WithChangedSince("origin/nope"), CancellationToken.None);

        all.Full.Should().HaveCount(3);
        all.SmokeOnly.Should().BeEmpty();
        all.IsCoverageGated("Anything").Should().BeTrue();
        await unknown.Should().ThrowAsync<TollgateException>().WithMessage("*'origin/nope'*fetch-depth: 0*");
    }

    [Fact]
    public void The_dotnet_test_command_has_the_trx_logger_results_directory_and_coverage_or_smoke_filter()
    {
        var options = new TestRunOptions(_directory.Path) { Configuration = "Release" };

        TestRunner.TestCommand(options, "tests/A.Tests/A.Tests.csproj", TestRunKind.Full, "/w/A.Tests", "A.Tests.trx").Arguments.Should().Equal(
            "test", "tests/A.Tests/A.Tests.csproj", "--logger", "trx;LogFileName=A.Tests.trx", "--results-directory", "/w/A.Tests",
            "--configuration", "Release", "--collect", "XPlat Code Coverage");
        TestRunner.TestCommand(options, "tests/A.Tests/A.Tests.csproj", TestRunKind.Smoke, "/w/A.Tests.smoke", "A.Tests.smoke.trx").Arguments.Should().Equal(
            "test", "tests/A.Tests/A.Tests.csproj", "--logger", "trx;LogFileName=A.Tests.smoke.trx", "--results-directory", "/w/A.Tests.smoke",
            "--configuration", "Release", "--filter", "Category=Smoke");
    }

    private void WriteSolution()
    {
        static string Project(params string[] references) =>
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n" +
            string.Concat(references.Select(r => $"    <ProjectReference Include=\"{r}\" />\n")) +
            "  </ItemGroup>\n</Project>\n";

        _directory.Write("src/Core/Core.csproj", Project());
        _directory.Write("src/Core/Core.cs", "class Core { }");
        _directory.Write("src/Api/Api.csproj", Project("..\\Core\\Core.csproj"));
        _directory.Write("src/Other/Other.csproj", Project());
        _directory.Write("tests/Core.Tests/Core.Tests.csproj", Project("../../src/Core/Core.csproj"));
        _directory.Write("tests/Api.Tests/Api.Tests.csproj", Project("../../src/Api/Api.csproj"));
        _directory.Write("tests/Other.Tests/Other.Tests.csproj", Project("../../src/Other/Other.csproj"));
    }
}
