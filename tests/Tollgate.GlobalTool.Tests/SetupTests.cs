using Tollgate.TestSupport;

namespace Tollgate.GlobalTool.Tests;

public sealed class SetupTests : IDisposable
{
    private readonly TempDirectory _repository = new("tollgate-setup");

    public void Dispose() => _repository.Dispose();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Setup_with_flags_creates_the_build_the_bootstrappers_and_the_nuke_folder_without_asking()
    {
        _repository.Write("App.slnx", "<Solution />");
        var (exitCode, output, _) = await ToolRun.RunAsync(_repository.Path, ":setup", "--yes", "--tollgate-version", "1.2.3", "--sdk-version", "10.0.100", "--target", "Build");

        exitCode.Should().Be(0);
        output.Should().Contain("created build/_build.csproj").And.Contain("created build.sh").And.Contain("created .gitignore");
        File.ReadAllText(_repository["build/_build.csproj"]).Should().Contain("<PackageReference Include=\"Tollgate.Components\" Version=\"1.2.3\" />");
        File.ReadAllText(_repository["build/Build.cs"]).Should().Contain("Execute<Build>(x => x.Build)").And.Contain("WithArguments(\"build\", \"App.slnx\", \"-c\", Configuration");
        File.ReadAllText(_repository["global.json"]).Should().Contain("\"version\": \"10.0.100\"");
        File.ReadAllText(_repository[".nuke/parameters.json"]).Should().Contain("build.schema.json");
        File.ReadAllText(_repository[".gitignore"]).Should().Contain(".nuke/temp/").And.Contain("build/bin/");
        File.GetUnixFileMode(_repository["build.sh"]).Should().HaveFlag(UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task The_bootstrappers_of_a_consumer_watch_its_build_project_and_not_Tollgates_sources()
    {
        await ToolRun.RunAsync(_repository.Path, ":setup", "--yes", "--build-dir", "ci", "--project-name", "Pipeline", "--sdk-version", "10.0.100");

        var script = File.ReadAllText(_repository["build.sh"]);
        script.Should().Contain("BUILD_PROJECT=\"$ROOT/ci/Pipeline.csproj\"")
            .And.Contain("BUILD_ASSEMBLY=\"$ROOT/ci/bin/Debug/net10.0/Pipeline.dll\"")
            .And.Contain("BUILD_INPUTS=(ci Directory.Build.props")
            .And.NotContain("src/Tollgate");
        File.ReadAllText(_repository["build.ps1"]).Should().Contain("\"ci/Pipeline.csproj\"").And.NotContain("src/Tollgate");
    }

    [Fact]
    public async Task Setup_refuses_to_overwrite_and_names_the_files_that_exist()
    {
        _repository.Write("build.sh", "echo mine");
        var (exitCode, _, error) = await ToolRun.RunAsync(_repository.Path, ":setup", "--yes", "--sdk-version", "10.0.100");

        exitCode.Should().Be(1);
        error.Should().Contain("build.sh").And.Contain("never overwrites");
        File.ReadAllText(_repository["build.sh"]).Should().Be("echo mine");
        File.Exists(_repository["build/Build.cs"]).Should().BeFalse("nothing is written when anything exists");
    }

    [Fact]
    public async Task An_existing_global_json_and_gitignore_are_kept_and_only_missing_entries_are_appended()
    {
        _repository.Write("global.json", "{ \"sdk\": { \"version\": \"9.0.100\" } }");
        _repository.Write(".gitignore", "bin/\nobj/\nartifacts/");
        await ToolRun.RunAsync(_repository.Path, ":setup", "--yes");

        File.ReadAllText(_repository["global.json"]).Should().Contain("9.0.100");
        File.ReadAllText(_repository[".gitignore"]).Should().Be("bin/\nobj/\nartifacts/\n# Tollgate\n.nuke/temp/\n");
    }

    [Fact]
    public async Task Central_package_management_gets_a_version_override()
    {
        _repository.Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        await ToolRun.RunAsync(_repository.Path, ":setup", "--yes", "--tollgate-version", "2.0.0", "--sdk-version", "10.0.100");

        File.ReadAllText(_repository["build/_build.csproj"]).Should().Contain("VersionOverride=\"2.0.0\"");
    }

    [Fact]
    public async Task Setup_asks_on_a_terminal_for_what_the_flags_leave_out()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var answers = new StringReader("ci\n\n3.0.0\nDefault\n\n");
        var tool = new TollgateTool(output, error, answers, inputRedirected: false, new BuildScriptRunner());

        (await tool.RunAsync([":setup", "--sdk-version", "10.0.100"], _repository.Path, CancellationToken.None)).Should().Be(0, error.ToString());

        output.ToString().Should().Contain("Folder of the build project [build]: ").And.Contain("Name of the first target [Compile]: ");
        File.ReadAllText(_repository["ci/_build.csproj"]).Should().Contain("Version=\"3.0.0\"");
        File.ReadAllText(_repository["ci/Build.cs"]).Should().Contain("Target Default =>");
    }

    [Fact]
    public async Task An_unknown_setup_option_names_the_closest_one()
    {
        var (exitCode, _, error) = await ToolRun.RunAsync(_repository.Path, ":setup", "--build-directory", "x");
        exitCode.Should().Be(1);
        error.Should().Contain("Unknown option --build-directory for :setup. Did you mean --build-dir?");
    }

    [Fact]
    public async Task Each_command_has_help()
    {
        (await ToolRun.RunAsync(_repository.Path, "--help")).Output.Should().Contain("tollgate :setup [options]").And.Contain("blue-green-prod");
        (await ToolRun.RunAsync(_repository.Path, ":setup", "--help")).Output.Should().Contain("--tollgate-version X").And.Contain("never overwrites");
        (await ToolRun.RunAsync(_repository.Path, ":add", "--help")).Output.Should().Contain("deploy-staging").And.Contain("IDeployStaging");
        (await ToolRun.RunAsync(_repository.Path, ":frobnicate")).Error.Should().Contain("Unknown command :frobnicate");
    }
}
