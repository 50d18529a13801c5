using System.Diagnostics;
using Tollgate.TestSupport;

namespace Tollgate.GlobalTool.Tests;

/// <summary>:setup and :add in repositories that already have things: a .gitignore, no global.json, several builds.</summary>
public sealed class SetupEdgeCaseTests : IDisposable
{
    private readonly TempDirectory _repository = new("tollgate-setup-edge");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task An_existing_gitignore_keeps_its_lines_and_gets_only_the_missing_entries()
    {
        _repository.Write(".gitignore", "bin/\nobj/\n.nuke/temp/");

        var (exitCode, output, error) = await ToolRun.RunAsync(_repository.Path, ":setup", "--yes", "--sdk-version", "10.0.100");

        exitCode.Should().Be(0, error);
        output.Should().Contain("created .gitignore");
        var lines = File.ReadAllText(_repository[".gitignore"]).Split('\n');
        lines.Should().StartWith(new[] { "bin/", "obj/", ".nuke/temp/", "# Tollgate", "artifacts/" }, "the last line had no newline: the entries start on a line of their own");
        lines.Should().NotContain("build/bin/", "bin/ at the root already ignores every bin/ folder");
        lines.Where(line => line == ".nuke/temp/").Should().ContainSingle("an entry that is there is not added again");
    }

    [Fact]
    public async Task A_gitignore_with_every_entry_is_left_alone()
    {
        _repository.Write(".gitignore", "bin/\nobj/\n.nuke/temp/\nartifacts\n");
        var before = File.ReadAllText(_repository[".gitignore"]);

        var (exitCode, output, _) = await ToolRun.RunAsync(_repository.Path, ":setup", "--yes", "--sdk-version", "10.0.100");

        exitCode.Should().Be(0);
        output.Should().NotContain("created .gitignore");
        File.ReadAllText(_repository[".gitignore"]).Should().Be(before);
    }

    [RequiresToolFact("dotnet")]
    public async Task Without_a_global_json_or_sdk_version_the_installed_sdk_is_pinned()
    {
        var installed = DotnetVersion(_repository.Path);

        var (exitCode, _, error) = await ToolRun.RunAsync(_repository.Path, ":setup", "--yes");

        exitCode.Should().Be(0, error);
        File.ReadAllText(_repository["global.json"]).Should().Contain($"\"version\": \"{installed}\"");
    }

    [Fact]
    public async Task Setup_in_a_missing_root_names_it()
    {
        var missing = _repository["does-not-exist"];

        var (exitCode, _, error) = await ToolRun.RunAsync(_repository.Path, ":setup", "--yes", "--root", missing, "--sdk-version", "10.0.100");

        exitCode.Should().Be(1);
        error.Should().Contain($"--root {missing} does not exist");
    }

    [Fact]
    public async Task Add_with_several_build_classes_asks_for_the_build_file_and_adds_to_the_one_named()
    {
        (await ToolRun.RunAsync(_repository.Path, ":setup", "--yes", "--sdk-version", "10.0.100")).ExitCode.Should().Be(0);
        _repository.Write("ci/Other.cs", "class Other : TollgateBuild\n{\n}\n");

        var (ambiguous, _, error) = await ToolRun.RunAsync(_repository.Path, ":add", "lint");
        var (named, output, _) = await ToolRun.RunAsync(_repository.Path, ":add", "lint", "--build-file", "ci/Other.cs");

        ambiguous.Should().Be(1);
        error.Should().Contain("Several build classes").And.Contain("build/Build.cs").And.Contain("ci/Other.cs").And.Contain("--build-file");
        named.Should().Be(0);
        output.Should().Contain("added ILint (Tollgate.Components.Lint) to ci/Other.cs");
        File.ReadAllText(_repository["ci/Other.cs"]).Should().Contain("class Other : TollgateBuild, ILint");
    }

    [Fact]
    public async Task Add_without_a_build_class_says_to_run_setup_first()
    {
        Directory.CreateDirectory(_repository[".nuke"]);

        var (exitCode, _, error) = await ToolRun.RunAsync(_repository.Path, ":add", "lint");

        exitCode.Should().Be(1);
        error.Should().Contain("No class deriving from TollgateBuild").And.Contain("tollgate :setup");
    }

    [Fact]
    public async Task Add_to_a_file_without_a_build_class_names_the_file_and_the_manual_fix()
    {
        Directory.CreateDirectory(_repository[".nuke"]);
        _repository.Write("build/Helpers.cs", "static class Helpers { }\n");

        var (exitCode, _, error) = await ToolRun.RunAsync(_repository.Path, ":add", "lint", "--build-file", "build/Helpers.cs");

        exitCode.Should().Be(1);
        error.Should().Contain("Helpers.cs: no class deriving from TollgateBuild").And.Contain("add ', ILint'");
    }

    private static string DotnetVersion(string directory)
    {
        var start = new ProcessStartInfo("dotnet", "--version") { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit(60_000).Should().BeTrue();
        return version;
    }
}
