using System.Diagnostics;
using Tollgate.TestSupport;

namespace Tollgate.GlobalTool.Tests;

/// <summary>
/// build.sh (and build.ps1, through pwsh) decides whether to compile on its input file list and content. These tests run
/// the real script with a stand-in `dotnet` on PATH that records compiles (and, like the real one, creates bin/ and obj/ when it compiles).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BootstrapperTests : IDisposable
{
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        case "$1" in
          --version) echo 10.0.100 ;;
          build)
            echo "compile" >> "$FAKE_DOTNET_LOG"
            dir="$(dirname "$2")"
            mkdir -p "$dir/bin/Debug/net10.0" "$dir/obj/Debug"
            echo assembly > "$dir/bin/Debug/net10.0/_build.dll"
            date +%s%N > "$dir/obj/Debug/project.assets.json" ;;
          *) echo "run ${*:2}" >> "$FAKE_DOTNET_LOG"
             # Like the engine: a plain --help is kept for the bootstrapper.
             if [[ "${*:2}" == "--help" ]]; then mkdir -p .nuke/temp; echo "Usage: help #$(grep -c run "$FAKE_DOTNET_LOG")" > .nuke/temp/help.txt; cat .nuke/temp/help.txt; fi ;;
        esac
        """;

    private readonly TempDirectory _directory = new("tollgate-bootstrap");

    public void Dispose() => _directory.Dispose();

    private string Log => _directory["dotnet.log"];

    [Fact]
    public void The_repositorys_own_bootstrappers_are_the_setup_templates_with_its_inputs()
    {
        string[] inputs = ["build", "src/Tollgate*", "Directory.Build.props", "Directory.Packages.props", "src/Directory.Build.props", "global.json", ".editorconfig"];
        var values = Templates.BootstrapperValues("build", "_build", inputs);

        RepositoryFiles.Read("build.sh").Should().Be(Templates.Render("BuildSh", values));
        RepositoryFiles.Read("build.ps1").ReplaceLineEndings("\n").Should().Be(Templates.Render("BuildPs1", values).ReplaceLineEndings("\n"));
        RepositoryFiles.Read("build.cmd").Should().Be(Templates.Render("BuildCmd", values));
    }

    [RequiresToolFact("git")]
    public async Task A_fresh_clones_second_run_does_not_compile_again()
    {
        var origin = Directory.CreateDirectory(_directory["origin"]).FullName;
        (await ToolRun.RunAsync(origin, ":setup", "--yes", "--sdk-version", "10.0.100")).ExitCode.Should().Be(0);
        Git(origin, "init", "-q");
        Git(origin, "add", "-A");
        Git(origin, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "setup");
        Git(_directory.Path, "clone", "-q", origin, "clone");
        var clone = _directory["clone"];

        RunBuildSh(clone, "--help");
        RunBuildSh(clone, "--help", "--verbosity", "verbose");

        File.ReadAllLines(Log).Should().Equal("compile", "run --help", "run --help --verbosity verbose");
    }

    [Fact]
    public async Task Touching_a_file_does_not_compile_but_changing_adding_or_removing_one_does()
    {
        var root = Directory.CreateDirectory(_directory["repo"]).FullName;
        (await ToolRun.RunAsync(root, ":setup", "--yes", "--sdk-version", "10.0.100")).ExitCode.Should().Be(0);
        var buildFile = Path.Combine(root, "build", "Build.cs");

        RunBuildSh(root);
        File.SetLastWriteTimeUtc(buildFile, DateTime.UtcNow.AddMinutes(1));
        RunBuildSh(root);
        Compiles().Should().Be(1, "the same content under a newer time needs no compile");

        File.AppendAllText(buildFile, "// changed\n");
        RunBuildSh(root);
        Compiles().Should().Be(2, "a changed file compiles");

        var extra = Path.Combine(root, "build", "Extra.cs");
        File.WriteAllText(extra, "class Extra { }\n");
        File.SetLastWriteTimeUtc(extra, DateTime.UtcNow.AddDays(-1));
        RunBuildSh(root);
        Compiles().Should().Be(3, "an added file compiles even when its time is old");

        File.Delete(extra);
        RunBuildSh(root);
        Compiles().Should().Be(4, "a removed file compiles");

        File.WriteAllText(Path.Combine(root, "README.md"), "not an input\n");
        RunBuildSh(root);
        Compiles().Should().Be(4, "files outside the inputs change nothing");
    }

    [Fact]
    public async Task A_plain_help_is_printed_from_the_builds_help_file_until_the_build_or_a_parameter_file_changes()
    {
        var root = Directory.CreateDirectory(_directory["repo"]).FullName;
        (await ToolRun.RunAsync(root, ":setup", "--yes", "--sdk-version", "10.0.100")).ExitCode.Should().Be(0);

        RunBuildSh(root, "--help").Should().Be("Usage: help #1\n");
        RunBuildSh(root, "--help").Should().Be("Usage: help #1\n", "nothing changed: the kept help, no runtime start");
        Runs().Should().Be(1);

        File.SetLastWriteTimeUtc(Path.Combine(root, ".nuke", "parameters.json"), DateTime.UtcNow);
        RunBuildSh(root, "--help").Should().Be("Usage: help #2\n", "a parameter file newer than the help runs the build");

        File.AppendAllText(Path.Combine(root, "build", "Build.cs"), "// a new target\n");
        RunBuildSh(root, "--help").Should().Be("Usage: help #3\n", "a changed build compiles and prints its own help");
        Compiles().Should().Be(2);

        RunBuildSh(root, "-h");
        RunBuildSh(root, "--help", "--profile", "ci");
        Runs().Should().Be(4, "-h is served from the file; help with other arguments always runs the build");
    }

    [RequiresToolFact("pwsh", ".ci/install.d/50-pwsh.sh")]
    public async Task Build_ps1_prints_a_plain_help_from_the_builds_help_file_until_the_build_or_a_parameter_file_changes()
    {
        var root = Directory.CreateDirectory(_directory["repo"]).FullName;
        (await ToolRun.RunAsync(root, ":setup", "--yes", "--sdk-version", "10.0.100")).ExitCode.Should().Be(0);

        RunBuildPs1(root, "--help").Should().Be("Usage: help #1\n");
        RunBuildPs1(root, "--help").Should().Be("Usage: help #1\n", "nothing changed: the kept help, no runtime start");
        Runs().Should().Be(1);
        Compiles().Should().Be(1);

        File.SetLastWriteTimeUtc(Path.Combine(root, ".nuke", "parameters.json"), DateTime.UtcNow);
        RunBuildPs1(root, "--help").Should().Be("Usage: help #2\n", "a parameter file newer than the help runs the build");

        File.AppendAllText(Path.Combine(root, "build", "Build.cs"), "// a new target\n");
        RunBuildPs1(root, "--help").Should().Be("Usage: help #3\n", "a changed build compiles and prints its own help");
        Compiles().Should().Be(2);

        RunBuildPs1(root, "-h").Should().Be("Usage: help #3\n");
        RunBuildPs1(root, "--help", "--profile", "ci");
        Runs().Should().Be(4, "-h is served from the file; help with other arguments always runs the build");
    }

    [Fact]
    public async Task Build_cmd_on_unix_serves_the_kept_help_through_build_sh()
    {
        var root = Directory.CreateDirectory(_directory["repo"]).FullName;
        (await ToolRun.RunAsync(root, ":setup", "--yes", "--sdk-version", "10.0.100")).ExitCode.Should().Be(0);

        RunBootstrapper(root, "bash", ["build.cmd", "--help"]).Should().Be("Usage: help #1\n");
        RunBootstrapper(root, "bash", ["build.cmd", "--help"]).Should().Be("Usage: help #1\n");

        Runs().Should().Be(1, "the second help came from .nuke/temp/help.txt");
    }

    private int Runs() => File.ReadAllLines(Log).Count(line => line.StartsWith("run ", StringComparison.Ordinal));

    private int Compiles() => File.ReadAllLines(Log).Count(line => line == "compile");

    private string RunBuildSh(string root, params string[] args) => RunBootstrapper(root, "bash", ["build.sh", .. args]);

    private string RunBuildPs1(string root, params string[] args) =>
        RunBootstrapper(root, "pwsh", ["-NoProfile", "-NonInteractive", "-File", "build.ps1", .. args]);

    private string RunBootstrapper(string root, string shell, IReadOnlyList<string> args)
    {
        var fakeBin = Directory.CreateDirectory(_directory["fake-bin"]).FullName;
        var dotnet = Path.Combine(fakeBin, "dotnet");
        if (!File.Exists(dotnet))
        {
            File.WriteAllText(dotnet, FakeDotnet.ReplaceLineEndings("\n") + "\n");
            File.SetUnixFileMode(dotnet, (UnixFileMode)0b111_101_101);
        }

        var start = new ProcessStartInfo(shell) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = root };
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["PATH"] = fakeBin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_DOTNET_LOG"] = Log;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(120_000).Should().BeTrue();
        process.ExitCode.Should().Be(0, error);
        return output;
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { UseShellExecute = false, WorkingDirectory = directory, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue();
        process.ExitCode.Should().Be(0, error);
    }
}
