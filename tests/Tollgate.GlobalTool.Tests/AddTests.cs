using Tollgate.TestSupport;

namespace Tollgate.GlobalTool.Tests;

public sealed class AddTests : IDisposable
{
    private readonly TempDirectory _repository = new("tollgate-add");

    public AddTests() => ToolRun.RunAsync(_repository.Path, ":setup", "--yes", "--sdk-version", "10.0.100").GetAwaiter().GetResult();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Add_makes_the_build_implement_the_component_with_its_using_from_any_folder()
    {
        var nested = Directory.CreateDirectory(_repository["src/deep"]).FullName;
        var (exitCode, output, _) = await ToolRun.RunAsync(nested, ":add", "lint", "deploy-staging");

        exitCode.Should().Be(0);
        output.Should().Contain("added ILint (Tollgate.Components.Lint) to build/Build.cs");
        var build = File.ReadAllText(_repository["build/Build.cs"]);
        build.Should().Contain("public sealed class Build : TollgateBuild, ILint, IDeployStaging")
            .And.Contain("using Tollgate;\nusing Tollgate.Components.Lint;\nusing Tollgate.Components.DeployStaging;\n");
    }

    [Fact]
    public async Task Adding_a_component_twice_changes_nothing()
    {
        await ToolRun.RunAsync(_repository.Path, ":add", "unittest");
        var before = File.ReadAllText(_repository["build/Build.cs"]);
        var (exitCode, output, _) = await ToolRun.RunAsync(_repository.Path, ":add", "IUnitTest");

        exitCode.Should().Be(0);
        output.Should().Contain("already implements IUnitTest");
        File.ReadAllText(_repository["build/Build.cs"]).Should().Be(before);
    }

    [Fact]
    public async Task A_misspelt_component_changes_nothing_and_names_the_closest()
    {
        var before = File.ReadAllText(_repository["build/Build.cs"]);
        var (exitCode, _, error) = await ToolRun.RunAsync(_repository.Path, ":add", "lint", "scna");

        exitCode.Should().Be(1);
        error.Should().Contain("There is no component named 'scna'. Did you mean 'scan'?");
        File.ReadAllText(_repository["build/Build.cs"]).Should().Be(before);
    }
}
